import type {FastifyError, FastifyInstance} from 'fastify'
import {ProviderError} from './errors.js'
import type {ProviderKitOptions} from './kit-options.js'
import {validateManifest} from './manifest-problems.js'
import {PartnerAccess} from './partner-access.js'
import {MemoryPartnerTokenStore} from './partner-tokens.js'
import type {PlatformClient} from './platform-client.js'
import {MemoryResourceStore} from './resource-store.js'
import {resourceRoutes} from './resource-routes.js'
import {ssoRoutes} from './sso-routes.js'

/**
 * Turns a manifest and three handlers into a complete add-on provider, as a fastify plugin:
 *
 *   app.register(providerKit({manifest, provision, planChange, deprovision}), {prefix: '/my-addon'})
 *
 * Serves, relative to the prefix:
 * - `POST /heroku/resources` (provision, idempotent on `uuid`, answers `{id, config, message}` with id = uuid),
 *   `PUT /heroku/resources/:id` (plan change), `DELETE /heroku/resources/:id` (204; 410 when unknown),
 *   all behind Basic auth `manifest.id : manifest.api.password`, checked before anything else;
 * - 422 `{message}` for a plan or region the manifest does not offer;
 * - a slow resource: `provision` returns `{later}`, the kit answers 202 and reports the result to the
 *   platform through the partner API (config, then actions/provision; actions/deprovision on failure);
 * - when the manifest has `api.sso_salt`: `POST|GET /sso/login` (sha1 token, 5-minute window) and a
 *   minimal `GET /dashboard` behind a signed HttpOnly session cookie;
 * - with `tokens` or `provisioned`: each provision's grant spent for the resource's partner token,
 *   `provisioned(resource, platform)` once the platform has recorded the add-on, and
 *   `kit.platform(resourceId)`, the resource's PlatformClient (app, owner, domains, subscribe).
 * Every error answer is `{message}`; handlers refuse with `throw new ProviderError(status, message)`.
 */
export function providerKit<Data = Record<string, unknown>>(options: ProviderKitOptions<Data>) {
  const manifest = validateManifest(options.manifest)
  const partner = options.tokens || options.provisioned
    ? new PartnerAccess({clientSecret: manifest.api.password, tokens: options.tokens ?? new MemoryPartnerTokenStore()})
    : undefined
  const kit = {...options, manifest, store: options.store ?? new MemoryResourceStore<Data>(), partner}

  const plugin = async function providerPlugin(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof ProviderError) return reply.code(error.statusCode).send({message: error.message})
      if (error.validation) return reply.code(400).send({message: `invalid request: ${error.message}`})
      const status = error.statusCode ?? 500
      if (status < 500) return reply.code(status).send({message: error.message})
      request.log.error({err: error}, `${manifest.id} provider failed`)
      return reply.code(500).send({message: `the ${manifest.name ?? manifest.id} provider failed: internal error`})
    })
    await app.register(async (api) => resourceRoutes(api, kit))
    if (manifest.api.sso_salt) await app.register(async (sso) => ssoRoutes(sso, kit))
  }
  return Object.assign(plugin, {
    // The resource's client for the platform; undefined without partner access (`tokens`) or
    // before its grant was exchanged.
    platform: async (resourceId: string): Promise<PlatformClient | undefined> => partner?.client(resourceId),
  })
}
