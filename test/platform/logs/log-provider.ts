import Fastify from 'fastify'
import type {ProviderManifest} from '../../../src/providers/kit/manifest-types.js'

// A provider that asks for the app's logs both ways: `log_input` (it may write lines) and
// `syslog_drain` (it answers with `drainUrl`, when the test sets one). It records every provision
// request as received.
export interface LogProvider {
  manifest: ProviderManifest
  provisions: Array<{uuid: string; name: string; log_input_url?: string | null; log_drain_token?: string; oauth_grant: {code: string}}>
  deletes: string[]
  // the top-level log_drain_url of the next provision answers (none when undefined)
  drainUrl?: string
  close(): Promise<void>
}

export const LOG_PROVIDER_PASSWORD = 'log-provider-password'

export async function startLogProvider(options: {id?: string; requires?: string[]} = {}): Promise<LogProvider> {
  const app = Fastify({logger: false})
  const state: Omit<LogProvider, 'manifest' | 'close'> = {provisions: [], deletes: [], drainUrl: undefined}
  app.post('/resources', async (request) => {
    const body = request.body as LogProvider['provisions'][number]
    state.provisions.push(body)
    return {id: body.uuid, config: {LOGGY_URL: `loggy://${body.uuid}`}, message: 'Loggy is ready', ...(state.drainUrl === undefined ? {} : {log_drain_url: state.drainUrl})}
  })
  app.put('/resources/:id', async () => ({message: 'plan changed'}))
  app.delete<{Params: {id: string}}>('/resources/:id', async (request, reply) => {
    state.deletes.push(request.params.id)
    return reply.code(204).send()
  })
  await app.listen({port: 0, host: '127.0.0.1'})
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const id = options.id ?? 'loggy'
  const manifest: ProviderManifest = {
    id,
    name: 'Loggy',
    api: {
      config_vars_prefix: 'LOGGY',
      config_vars: ['LOGGY_URL'],
      password: LOG_PROVIDER_PASSWORD,
      sso_salt: 'salt',
      regions: ['us'],
      requires: options.requires ?? ['log_input', 'syslog_drain'],
      production: {base_url: `https://${id}.example.com/resources`, sso_url: `https://${id}.example.com/sso`},
      test: {base_url: `${base}/resources`, sso_url: `${base}/sso`},
    },
    plans: [{name: 'basic', price: {cents: 0, unit: 'month'}, default: true}, {name: 'big', price: {cents: 500, unit: 'month'}}],
  }
  return Object.assign(state, {manifest, close: () => app.close()})
}
