import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {Redis} from 'ioredis'
import respawn, {type Monitor} from 'respawn'
import {confPath, pidPath, redisAdminUser} from './redis-config.js'

export interface RedisLogger {
  warn(message: string): void
}

const readyTimeoutMs = 10_000
const stopTimeoutMs = 5_000

// An admin connection that fails fast instead of retrying forever.
export function adminClient(port: number, adminPassword: string): Redis {
  return new Redis({
    host: '127.0.0.1',
    port,
    username: redisAdminUser,
    password: adminPassword,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
  })
}

async function pingOnce(port: number, adminPassword: string): Promise<boolean> {
  const client = adminClient(port, adminPassword)
  client.on('error', () => {})
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

// A redis-server left running by a platform that crashed holds the port: stop it first.
async function stopLeftover(dir: string): Promise<void> {
  const pid = Number((await readFile(pidPath(dir), 'utf8').catch(() => '')).trim())
  if (!pid || !alive(pid)) return
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  if (!cmdline.includes('redis-server')) return
  process.kill(pid, 'SIGTERM')
  for (let waited = 0; alive(pid) && waited < stopTimeoutMs; waited += 50) await new Promise((r) => setTimeout(r, 50))
}

async function logTail(dir: string): Promise<string> {
  const log = await readFile(join(dir, 'redis.log'), 'utf8').catch(() => '')
  return log.trim().split('\n').slice(-3).join(' | ')
}

/**
 * One redis-server for one add-on, kept running by respawn (restarted when it dies, backing off up to
 * 5 s) until stop(). Its configuration file (written by the caller) holds everything, so a restart
 * needs nothing else.
 */
export class SupervisedRedis {
  private monitor?: Monitor

  constructor(
    private readonly binary: string,
    readonly dir: string,
    readonly port: number,
    private readonly adminPassword: string,
    private readonly log: RedisLogger,
  ) {}

  async start(): Promise<void> {
    await stopLeftover(this.dir)
    const monitor = respawn([this.binary, confPath(this.dir)], {
      stdio: 'ignore',
      maxRestarts: -1,
      sleep: (restarts) => Math.min(200 * 2 ** (restarts - 1), 5_000),
      kill: stopTimeoutMs,
    })
    monitor.on('exit', (code, signal) => {
      if (monitor.status === 'stopping') return
      this.log.warn(`redis-server on port ${this.port} exited (${signal ?? code}); restarting`)
    })
    monitor.on('warn', (error) => this.log.warn(`redis-server on port ${this.port}: ${error.message}`))
    this.monitor = monitor
    monitor.start()
    try {
      await this.ready(monitor)
    } catch (error) {
      await this.stop()
      throw error
    }
  }

  private async ready(monitor: Monitor): Promise<void> {
    for (const deadline = Date.now() + readyTimeoutMs; Date.now() < deadline && monitor.status !== 'crashed'; ) {
      if (await pingOnce(this.port, this.adminPassword)) return
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error(`redis-server on port ${this.port} did not start: ${(await logTail(this.dir)) || 'no log'}`)
  }

  async stop(): Promise<void> {
    const monitor = this.monitor
    if (!monitor) return
    await new Promise<void>((resolve) => monitor.stop(resolve))
  }

  get pid(): number | undefined {
    return this.monitor?.pid || undefined
  }
}
