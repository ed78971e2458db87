import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import type {FastifyInstance} from 'fastify'
import {builtinManifest, type BuiltinService, type ServiceContext} from '../builtin/builtin-service.js'
import {unprocessable} from '../kit/errors.js'
import {JsonFileResourceStore} from '../kit/json-file-store.js'
import {JsonFilePartnerTokenStore} from '../kit/partner-tokens.js'
import type {PlatformClient} from '../kit/platform-client.js'
import {providerKit} from '../kit/provider-kit.js'
import {kvDataRoutes, type KvResourceData} from './data-routes.js'
import {KvData} from './kv-data.js'
import {formatBytes, kvPlanLimits, kvPlans, PAYG_PLAN} from './plans.js'
import {RequestMeter, usageIntervalMs} from './request-meter.js'

// "Key-Value Store": an HTTP key-value store served by the platform process itself. Needs nothing
// installed, which makes it the quick start's add-on. Its pay-as-you-go plan is metered: kv counts
// each resource's requests and reports them to the platform with the resource's partner token (every
// minute, ADDONKIT_USAGE_INTERVAL_MS; before a plan change or a deprovision too).
export function createKvService(context: ServiceContext): BuiltinService {
  const manifest = builtinManifest({id: 'kv', name: 'Key-Value Store', prefix: 'KV', plans: kvPlans, secrets: context.secrets})
  const resources = new JsonFileResourceStore<KvResourceData>(join(context.dir, 'resources.json'))
  const data = new KvData(context.dir, context.log)
  const meter: RequestMeter = new RequestMeter(() => data.database(), {
    isMetered: async (resource) => (await resources.get(resource))?.plan === PAYG_PLAN,
    platform: (resource): Promise<PlatformClient | undefined> => kit.platform(resource),
    warn: (message) => context.log.warn(message),
    intervalMs: usageIntervalMs(),
  })

  const kit = providerKit<KvResourceData>({
    manifest,
    store: resources,
    // each provision's grant is spent for the partner token usage reports are sent with
    tokens: new JsonFilePartnerTokenStore(join(context.dir, 'partner-tokens.json')),
    warn: (message) => context.log.warn(message),
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
      // the requests made so far count on the plan they were made on
      await meter.flush(resource.id)
      return {message: `now holds up to ${formatBytes(kvPlanLimits[plan])}`}
    },
    async deprovision(resource) {
      // reported while the partner token still works
      await meter.flush(resource.id)
      await meter.forget(resource.id)
      await data.drop(resource.id)
    },
    async dashboard(resource) {
      const {keys, bytes} = await data.usage(resource.id)
      const requests = (await meter.thisMonth(resource.id)).toLocaleString('en-US')
      return {Usage: `${formatBytes(bytes)} of ${formatBytes(kvPlanLimits[resource.plan])}`, Keys: String(keys), 'Requests this month': requests}
    },
  })

  return {
    manifest,
    async register(app: FastifyInstance, prefix: string) {
      // Before listening: a database that cannot be opened stops the start with its reason, and
      // data left by earlier versions is imported before the first request.
      await data.open()
      await app.register(kit, {prefix})
      await app.register(async (kv) => kvDataRoutes(kv, resources, data, (resource) => meter.count(resource)), {prefix: '/kv'})
    },
    async start() {
      meter.start()
    },
    async close() {
      await meter.stop()
      await data.close()
    },
  }
}
