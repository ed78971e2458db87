import Fastify from 'fastify'
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'

// A provider whose provision answer carries whatever config the test sets, for the config size
// limit. Its vars exercise every naming rule: SIZABLE_URL -> ALIAS_URL, SIZABLE -> ALIAS,
// EXTRA -> ALIAS_EXTRA.
export interface SizedProvider {
  manifest: ProviderManifest
  config: Record<string, string>
  // answer 202 and let the test finish through the partner API
  async: boolean
  // provision requests as received (their oauth_grant codes included)
  provisions: Array<{uuid: string; oauth_grant: {code: string}}>
  deletes: string[]
  close(): Promise<void>
}

export const SIZED_PASSWORD = 'sized-provider-password'

export async function startSizedProvider(): Promise<SizedProvider> {
  const app = Fastify({logger: false})
  const state = {config: {SIZABLE_URL: 'sized://small'} as Record<string, string>, async: false, provisions: [] as SizedProvider['provisions'], deletes: [] as string[]}
  app.post('/resources', async (request, reply) => {
    const body = request.body as SizedProvider['provisions'][number]
    state.provisions.push(body)
    if (state.async) return reply.code(202).send({id: body.uuid})
    return {id: body.uuid, config: state.config}
  })
  app.delete<{Params: {id: string}}>('/resources/:id', async (request, reply) => {
    state.deletes.push(request.params.id)
    return reply.code(204).send()
  })
  await app.listen({port: 0, host: '127.0.0.1'})
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const manifest: ProviderManifest = {
    id: 'sizable',
    name: 'Sizable',
    api: {
      config_vars_prefix: 'SIZABLE',
      config_vars: ['SIZABLE_URL', 'SIZABLE', 'EXTRA'],
      password: SIZED_PASSWORD,
      sso_salt: 'salt',
      regions: ['us'],
      production: {base_url: 'https://sizable.example.com/resources', sso_url: 'https://sizable.example.com/sso'},
      test: {base_url: `${base}/resources`, sso_url: `${base}/sso`},
    },
    plans: [{name: 'basic', price: {cents: 0, unit: 'month'}, default: true}],
  }
  return Object.assign(state, {manifest, close: () => app.close()})
}
