import Fastify from 'fastify'
import {providerKit, type ProviderManifest} from '../src/providers/kit/index.js'

// A provider built with the kit whose config var is short (`redis://127.0.0.1:N`), so 500 of its
// add-ons fit an app's 32 KB of config vars: the scale-out bench fills one app with that many.
export async function startSmallConfigProvider(): Promise<{manifest: ProviderManifest; close(): Promise<void>}> {
  const app = Fastify({logger: false})
  let port = 0
  let next = 1
  const manifest: ProviderManifest = {
    id: 'heroku-redis',
    name: 'Redis (bench)',
    api: {
      config_vars: ['REDIS_URL'],
      password: 'bench-provider-password-0123456789',
      sso_salt: 'bench-salt',
      regions: ['*'],
      production: {base_url: 'http://127.0.0.1:1/heroku/resources', sso_url: 'http://127.0.0.1:1/sso/login'},
      test: {base_url: 'http://127.0.0.1:1/heroku/resources', sso_url: 'http://127.0.0.1:1/sso/login'},
    },
    plans: [{name: 'mini', price: {cents: 300, unit: 'month'}, default: true}],
  }
  await app.register(providerKit({
    manifest,
    async provision() {
      return {config: {REDIS_URL: `redis://127.0.0.1:${next++}`}}
    },
    async planChange() {
      return {}
    },
    async deprovision() {},
  }))
  await app.listen({port: 0, host: '127.0.0.1'})
  const address = app.server.address()
  port = typeof address === 'object' && address ? address.port : 0
  manifest.api.test = {base_url: `http://127.0.0.1:${port}/heroku/resources`, sso_url: `http://127.0.0.1:${port}/sso/login`}
  return {manifest, close: () => app.close()}
}
