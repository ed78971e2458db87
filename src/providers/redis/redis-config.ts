import {join} from 'node:path'

export interface RedisInstanceSpec {
  dir: string
  port: number
  // The customer's password (REDIS_URL) and ours, for plan changes.
  password: string
  adminPassword: string
  maxmemory: number
}

// Commands the customer may not run: they would let an add-on escape its plan or its machine.
const forbidden = ['config', 'shutdown', 'debug', 'module', 'acl', 'replicaof', 'slaveof', 'failover', 'monitor', 'sync', 'psync', 'save', 'bgsave', 'bgrewriteaof']

export const redisAdminUser = 'addonkit-admin'

export function confPath(dir: string): string {
  return join(dir, 'redis.conf')
}

export function pidPath(dir: string): string {
  return join(dir, 'redis.pid')
}

// The whole configuration lives in a 0600 file so no password shows in `ps`.
// requirepass covers clients that send only a password; the `h` user covers REDIS_URL's user name,
// which modern clients send along (AUTH h PASS).
export function redisConf(spec: RedisInstanceSpec): string {
  const customerRules = `~* &* +@all ${forbidden.map((c) => `-${c}`).join(' ')}`
  return [
    `port ${spec.port}`,
    'bind 127.0.0.1',
    'protected-mode yes',
    `requirepass ${spec.password}`,
    `user default on >${spec.password} ${customerRules}`,
    `user h on >${spec.password} ${customerRules}`,
    `user ${redisAdminUser} on >${spec.adminPassword} ~* &* +@all`,
    `dir ${JSON.stringify(spec.dir)}`,
    `pidfile ${JSON.stringify(pidPath(spec.dir))}`,
    `logfile ${JSON.stringify(join(spec.dir, 'redis.log'))}`,
    'daemonize no',
    `maxmemory ${spec.maxmemory}`,
    'maxmemory-policy noeviction',
    'appendonly yes',
    'appendfsync everysec',
    'save ""',
    '',
  ].join('\n')
}
