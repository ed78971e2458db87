import {randomBytes} from 'node:crypto'
import {chmod, mkdir, rm} from 'node:fs/promises'
import {join} from 'node:path'
import type {FastifyInstance} from 'fastify'
import {builtinManifest, type BuiltinService, type ServiceContext} from '../builtin/builtin-service.js'
import {findExecutable} from '../builtin/find-executable.js'
import {freePort} from '../builtin/free-port.js'
import {writeFileAtomic} from '../kit/atomic-write.js'
import {ProviderError, unavailable} from '../kit/errors.js'
import {JsonFileResourceStore} from '../kit/json-file-store.js'
import {providerKit} from '../kit/provider-kit.js'
import type {ProviderResource} from '../kit/resource-store.js'
import {redisPlanMemory, redisPlans} from './plans.js'
import {serviceMetrics, type MetricsData} from '../builtin/metrics/service-metrics.js'
import {confPath, redisConf} from './redis-config.js'
import {redisMetricsLine} from './redis-metrics.js'
import {adminClient, SupervisedRedis} from './redis-process.js'

interface RedisResourceData extends MetricsData {
  port: number
  adminPassword: string
}

type RedisResource = ProviderResource<RedisResourceData>

export const redisNotInstalled = 'redis-server is not installed on this machine: install it (apt-get install redis-server) and try again.'

// "Redis": one real redis-server per add-on, on its own port, data dir and password.
export function createRedisService(context: ServiceContext): BuiltinService {
  const base = builtinManifest({id: 'redis', name: 'Redis', prefix: 'REDIS', plans: redisPlans, secrets: context.secrets})
  // log_input: a metrics line to each app the add-on is attached to, every interval
  const manifest = {...base, api: {...base.api, requires: ['log_input']}}
  const resources = new JsonFileResourceStore<RedisResourceData>(join(context.dir, 'resources.json'))
  const metrics = serviceMetrics<RedisResourceData>(context, {
    service: 'redis',
    resources: () => resources.list(),
    sample: (resource) => redisMetricsLine(resource.data.port, resource.data.adminPassword),
  })
  const running = new Map<string, SupervisedRedis>()
  const instanceDir = (id: string) => join(context.dir, id)

  function redisServer(): string {
    const binary = findExecutable('redis-server')
    if (!binary) throw unavailable(redisNotInstalled)
    return binary
  }

  // The password lives only in REDIS_URL; the configuration file is rebuilt from it.
  async function writeConf(id: string, port: number, password: string, adminPassword: string, plan: string) {
    const dir = instanceDir(id)
    await mkdir(dir, {recursive: true, mode: 0o700})
    await chmod(dir, 0o700)
    await writeFileAtomic(confPath(dir), redisConf({dir, port, password, adminPassword, maxmemory: redisPlanMemory[plan]}))
  }

  async function launch(id: string, port: number, adminPassword: string): Promise<SupervisedRedis> {
    const instance = new SupervisedRedis(redisServer(), instanceDir(id), port, adminPassword, {
      warn: (message) => context.log.warn(message),
    })
    running.set(id, instance)
    try {
      await instance.start()
    } catch (error) {
      await instance.stop()
      running.delete(id)
      throw error
    }
    return instance
  }

  const passwordOf = (resource: RedisResource) => decodeURIComponent(new URL(resource.config.REDIS_URL).password)

  const kit = providerKit<RedisResourceData>({
    manifest,
    store: resources,
    async provision(request) {
      redisServer()
      const password = randomBytes(24).toString('hex')
      const adminPassword = randomBytes(24).toString('hex')
      // Another process may grab the free port before redis-server binds it: try a few.
      for (let attempt = 1; ; attempt++) {
        const port = await freePort()
        await writeConf(request.uuid, port, password, adminPassword, request.plan)
        try {
          await launch(request.uuid, port, adminPassword)
          return {
            config: {REDIS_URL: `redis://h:${password}@127.0.0.1:${port}`},
            data: {port, adminPassword, ...(await metrics.enrol(request))},
            message: `redis-server ready on port ${port}`,
          }
        } catch (error) {
          await rm(instanceDir(request.uuid), {recursive: true, force: true})
          if (attempt >= 3) throw new ProviderError(503, `could not start redis-server: ${(error as Error).message}`)
        }
      }
    },
    async planChange(resource, plan) {
      const {port, adminPassword} = resource.data
      await writeConf(resource.id, port, passwordOf(resource), adminPassword, plan)
      const admin = adminClient(port, adminPassword)
      admin.on('error', () => {})
      try {
        await admin.connect()
        await admin.config('SET', 'maxmemory', String(redisPlanMemory[plan]))
      } catch (error) {
        await writeConf(resource.id, port, passwordOf(resource), adminPassword, resource.plan)
        throw new ProviderError(503, `could not change redis-server's memory limit: ${(error as Error).message}`)
      } finally {
        admin.disconnect()
      }
      return {message: `maxmemory is now ${redisPlanMemory[plan] / 1024 / 1024} MB`}
    },
    async deprovision(resource) {
      await metrics.forget(resource.id)
      await running.get(resource.id)?.stop()
      running.delete(resource.id)
      await rm(instanceDir(resource.id), {recursive: true, force: true})
    },
    async dashboard(resource): Promise<Record<string, string>> {
      const admin = adminClient(resource.data.port, resource.data.adminPassword)
      admin.on('error', () => {})
      try {
        await admin.connect()
        const used = /used_memory:(\d+)/.exec(await admin.info('memory'))?.[1] ?? '0'
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
        return {Usage: `${mb(Number(used))} of ${mb(redisPlanMemory[resource.plan])}`, Keys: String(await admin.dbsize())}
      } catch {
        return {Usage: 'redis-server is not reachable right now'}
      } finally {
        admin.disconnect()
      }
    },
  })

  return {
    manifest,
    async register(app: FastifyInstance, prefix: string) {
      await app.register(kit, {prefix})
    },
    async start() {
      metrics.start()
      const existing = await resources.list()
      if (existing.length === 0) return
      if (!findExecutable('redis-server')) {
        context.log.warn(`${existing.length} redis add-on(s) cannot start: ${redisNotInstalled}`)
        return
      }
      await Promise.all(
        existing.map(async (resource) => {
          const {port, adminPassword} = resource.data
          await writeConf(resource.id, port, passwordOf(resource), adminPassword, resource.plan)
          await launch(resource.id, port, adminPassword).catch((error) => context.log.warn(`redis add-on ${resource.id}: ${error.message}`))
        }),
      )
    },
    async close() {
      await metrics.stop()
      await Promise.all([...running.values()].map((instance) => instance.stop()))
      running.clear()
    },
  }
}
