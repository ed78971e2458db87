import type {FastifyInstance} from 'fastify'
import {credentialsMatch} from './basic-auth.js'
import {ProviderError} from './errors.js'
import type {ProviderKitOptions, ProvisionRequest, ProvisionResult} from './kit-options.js'
import type {PartnerAccess} from './partner-access.js'
import type {PartnerSession} from './partner-session.js'
import {type OAuthGrant, PlatformCallback} from './platform-callback.js'
import {PlatformClient} from './platform-client.js'
import {checkRegion, findPlan} from './plans.js'
import type {ProviderResource, ResourceStore} from './resource-store.js'

// Resource ids end up in paths and file names, so they are kept to uuid-like characters.
const idPattern = '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$'

const provisionBody = {
  type: 'object',
  required: ['uuid', 'plan'],
  properties: {
    uuid: {type: 'string', pattern: idPattern},
    name: {type: 'string'},
    plan: {type: 'string', minLength: 1},
    region: {type: 'string', minLength: 1},
    callback_url: {type: 'string'},
    options: {type: 'object', additionalProperties: {type: 'string'}},
    log_input_url: {type: ['string', 'null']},
    log_drain_token: {type: ['string', 'null']},
  },
} as const

const planChangeBody = {
  type: 'object',
  required: ['plan'],
  properties: {plan: {type: 'string', minLength: 1}},
} as const

// what the provision answered besides the config, kept so a repeated provision answers the same
type Resource<Data> = ProviderResource<Data> & {provision_message?: string; log_drain_url?: string}

// POST/PUT/DELETE {base_url}: the calls the platform makes, all behind the manifest's Basic auth.
export async function resourceRoutes<Data>(app: FastifyInstance, kit: ProviderKitOptions<Data> & {store: ResourceStore<Data>; partner?: PartnerAccess}) {
  const {manifest, store, partner} = kit
  const warn = (message: string) => (kit.warn ? kit.warn(message) : app.log.warn(message))
  // Repeated provision requests for a uuid that is still being created wait for the first one.
  const inFlight = new Map<string, Promise<Resource<Data>>>()

  // onRequest runs before body parsing and routing details, so even a malformed request or an
  // unknown id learns nothing without the right credentials.
  app.addHook('onRequest', async (request, reply) => {
    if (!credentialsMatch(request.headers.authorization, manifest.id, manifest.api.password)) {
      reply.header('www-authenticate', `Basic realm="${manifest.id}"`)
      return reply.code(401).send({message: 'wrong or missing credentials for this add-on provider'})
    }
  })

  async function create(request: ProvisionRequest): Promise<Resource<Data>> {
    const plan = findPlan(manifest, request.plan)!.name
    checkRegion(manifest, request.region)
    const answer = await kit.provision({...request, plan})
    const session = partnerSession(request)
    const callback = 'later' in answer ? platformCallback(request, session) : undefined
    const result = 'later' in answer && !callback ? await answer.later() : answer
    const now = new Date().toISOString()
    const resource: Resource<Data> = {
      id: request.uuid,
      name: request.name,
      plan,
      region: request.region,
      config: 'config' in result ? checkedConfig(result.config) : {},
      data: result.data ?? ({} as Data),
      provision_message: result.message ?? answer.message,
      ...(answer.log_drain_url ? {log_drain_url: answer.log_drain_url} : {}),
      created_at: now,
      updated_at: now,
      ...(callback ? {provisioning: true} : {}),
    }
    await store.put(resource)
    if (callback && 'later' in answer) void finishLater(resource, answer.later, callback)
    else if (session) void afterProvision(resource.id, session, grantOf(request)!.code)
    return resource
  }

  // With partner access, every provision's grant is spent (the provider calls the platform later);
  // without it, only an asynchronous provision's, to finish it.
  function partnerSession(request: ProvisionRequest): PartnerSession | undefined {
    if (!partner || typeof request.callback_url !== 'string' || !grantOf(request)) return undefined
    return partner.begin(request.uuid, request.callback_url)
  }

  // After a synchronous answer: spend the grant now (it lasts minutes), then, once the platform has
  // recorded the add-on, hand the provider its client.
  async function afterProvision(id: string, session: PartnerSession, grantCode: string): Promise<void> {
    try {
      await session.exchange(grantCode)
    } catch (error) {
      warn(`${manifest.id}: the grant of ${id} could not be exchanged for a partner token (${(error as Error).message}); it cannot call the platform`)
      return
    }
    if (!kit.provisioned) return
    try {
      const client = new PlatformClient(session)
      await partner!.recorded(client)
      await runProvisioned(id, client)
    } catch (error) {
      warn(`${manifest.id}: after provisioning ${id}: ${(error as Error).message}`)
    }
  }

  // The provider's `provisioned`, unless the resource went meanwhile.
  async function runProvisioned(id: string, client: PlatformClient): Promise<void> {
    const current = await store.get(id)
    if (current && kit.provisioned) await kit.provisioned(current, client)
  }

  function checkedConfig(config: Record<string, string>): Record<string, string> {
    const undeclared = Object.keys(config).filter((k) => !manifest.api.config_vars.includes(k))
    if (undeclared.length > 0) app.log.warn(`${manifest.id}: config vars ${undeclared.join(', ')} are not declared in the manifest`)
    return config
  }

  function platformCallback(request: ProvisionRequest, session: PartnerSession | undefined): PlatformCallback | undefined {
    const grant = grantOf(request)
    if (typeof request.callback_url !== 'string' || !grant) return undefined
    return new PlatformCallback(request.callback_url, grant, manifest.api.password, undefined, session)
  }

  // The rest of an asynchronous provision, after the 202: build the resource, then tell the platform.
  // A resource deprovisioned meanwhile is not revived; a failed build is cleaned up and reported.
  async function finishLater(resource: Resource<Data>, later: () => Promise<Omit<ProvisionResult<Data>, 'log_drain_url'>>, callback: PlatformCallback): Promise<void> {
    try {
      // the grant lasts minutes, the build may take hours: spend it now (tried again at the end if
      // the platform could not be reached)
      await callback.exchange().catch((error) => app.log.warn({err: error}, `${manifest.id}: the grant exchange for ${resource.id} failed; trying again when the build ends`))
      const built = await later()
      const current = await store.get(resource.id)
      if (!current) return
      const config = checkedConfig(built.config)
      await store.put({...current, config, data: built.data ?? current.data, provisioning: false, updated_at: new Date().toISOString()})
      await callback.provisioned(config)
    } catch (error) {
      await failedLater(resource, callback, error)
      return
    }
    // actions/provision has been answered: the add-on is recorded as provisioned
    if (partner && kit.provisioned) {
      await runProvisioned(resource.id, new PlatformClient(callback.session)).catch((error) => warn(`${manifest.id}: after provisioning ${resource.id}: ${(error as Error).message}`))
    }
  }

  // A failed build is cleaned up here and reported to the platform.
  async function failedLater(resource: Resource<Data>, callback: PlatformCallback, error: unknown): Promise<void> {
    app.log.error({err: error}, `${manifest.id}: provisioning ${resource.id} failed`)
    const current = await store.get(resource.id)
    if (current?.provisioning) {
      await kit.deprovision(current).catch(() => undefined)
      await store.delete(resource.id)
      await callback.failed().catch((failure) => app.log.error({err: failure}, `${manifest.id}: could not report the failed provision of ${resource.id}`))
      await partner?.forget(resource.id)
    }
  }

  app.post<{Body: ProvisionRequest}>('/heroku/resources', {schema: {body: provisionBody}}, async (request, reply) => {
    const {uuid} = request.body
    let resource = (await store.get(uuid)) as Resource<Data> | undefined
    if (!resource) {
      let pending = inFlight.get(uuid)
      if (!pending) {
        pending = create(request.body).finally(() => inFlight.delete(uuid))
        inFlight.set(uuid, pending)
      }
      resource = await pending
    }
    // the message is the provider author's to give: the platform shows it to the user as it is
    const message = resource.provision_message ? {message: resource.provision_message} : {}
    const drain = resource.log_drain_url ? {log_drain_url: resource.log_drain_url} : {}
    if (resource.provisioning) return reply.code(202).send({id: resource.id, ...message, ...drain})
    return {id: resource.id, config: resource.config, ...message, ...drain}
  })

  app.put<{Params: {id: string}; Body: {plan: string}}>('/heroku/resources/:id', {schema: {body: planChangeBody}}, async (request) => {
    const resource = await store.get(request.params.id)
    if (!resource) throw new ProviderError(404, `${manifest.id} has no resource ${request.params.id}`)
    const plan = findPlan(manifest, request.body.plan)!.name
    const result = await kit.planChange(resource, plan)
    const changed = {
      ...resource,
      plan,
      config: result.config ?? resource.config,
      data: result.data ?? resource.data,
      updated_at: new Date().toISOString(),
    }
    await store.put(changed)
    return {...(result.config ? {config: result.config} : {}), message: result.message ?? `plan changed to ${plan}`}
  })

  app.delete<{Params: {id: string}}>('/heroku/resources/:id', async (request, reply) => {
    const resource = await store.get(request.params.id)
    if (!resource) throw new ProviderError(410, `${manifest.id} has no resource ${request.params.id}: it is already gone`)
    await kit.deprovision(resource)
    await store.delete(resource.id)
    await partner?.forget(resource.id)
    return reply.code(204).send()
  })
}

function grantOf(request: ProvisionRequest): OAuthGrant | undefined {
  const grant = request.oauth_grant as OAuthGrant | undefined
  return typeof grant?.code === 'string' ? grant : undefined
}
