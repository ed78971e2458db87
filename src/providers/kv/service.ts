import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import type {FastifyInstance} from 'fastify'
import {builtinManifest, type BuiltinService, type ServiceContext} from '../builtin/builtin-service.js'
import {unprocessable} from '../kit/errors.js'
import {JsonFileResourceStore} from '../kit/json-file-store.js'
import {providerKit} from '../kit/provider-kit.js'
import {kvDataRoutes, type KvResourceData} from './data-routes.js'
import {KvData} from './kv-data.js'
import {formatBytes, kvPlanLimits, kvPlans} from './plans.js'

// "Key-Value Store": an HTTP key-value store served by the platform process itself. Needs nothing
// installed, which makes it the quick start's add-on.
export function createKvService(context: ServiceContext): BuiltinService {
  const manifest = builtinManifest({id: 'kv', name: 'Key-Value Store', prefix: 'KV', plans: kvPlans, secrets: context.secrets})
  const resources = new JsonFileResourceStore<KvResourceData>(join(context.dir, 'resources.json'))
  const data = new KvData(context.dir, context.log)

  const kit = providerKit<KvResourceData>({
    manifest,
    store: resources,
    async provision(request) {
      const token = randomBytes(24).toString('hex')
      const url = new URL(`/kv/${request.uuid}`, context.publicUrl())
      url.username = token
      return {config: {KV_URL: url.toString()}, data: {token}, message: `${formatBytes(kvPlanLimits[request.plan])} key-value store ready`}
    },
    async planChange(resource, plan) {
      const {bytes} = await data.usage(resource.id)
      if (bytes > kvPlanLimits[plan]) {
        throw unprocessable(`this store holds ${formatBytes(bytes)}, more than plan ${plan} allows (${formatBytes(kvPlanLimits[plan])}): delete keys first`)
      }
      return {message: `now holds up to ${formatBytes(kvPlanLimits[plan])}`}
    },
    async deprovision(resource) {
      await data.drop(resource.id)
    },
    async dashboard(resource) {
      const {keys, bytes} = await data.usage(resource.id)
      return {Usage: `${formatBytes(bytes)} of ${formatBytes(kvPlanLimits[resource.plan])}`, Keys: String(keys)}
    },
  })

  return {
    manifest,
    async register(app: FastifyInstance, prefix: string) {
      // Before listening: a database that cannot be opened stops the start with its reason, and
      // data left by earlier versions is imported before the first request.
      await data.open()
      await app.register(kit, {prefix})
      await app.register(async (kv) => kvDataRoutes(kv, resources, data), {prefix: '/kv'})
    },
    async start() {},
    async close() {
      await data.close()
    },
  }
}
