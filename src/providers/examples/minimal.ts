// A complete add-on provider: a greeting service whose "resource" is a random URL.
// Run it with `npx tsx src/providers/examples/minimal.ts`, then point `addonkit provider:test` at it.
import {randomBytes} from 'node:crypto'
import Fastify from 'fastify'
import {providerKit, type ProviderManifest} from '../kit/index.js'

export const manifest: ProviderManifest = {
  id: 'greeter',
  name: 'Greeter',
  api: {
    config_vars: ['GREETER_URL'],
    password: process.env.GREETER_PASSWORD ?? 'change-me-to-a-long-random-string',
    sso_salt: process.env.GREETER_SSO_SALT ?? 'change-me-too',
    regions: ['*'],
    production: {base_url: 'https://greeter.example.com/heroku/resources', sso_url: 'https://greeter.example.com/sso/login'},
    test: {base_url: 'http://127.0.0.1:5000/heroku/resources', sso_url: 'http://127.0.0.1:5000/sso/login'},
  },
  plans: [{name: 'test', price: {cents: 0, unit: 'month'}, default: true}],
}

export const greeter = providerKit({
  manifest,
  async provision(request) {
    const secret = randomBytes(16).toString('hex')
    return {config: {GREETER_URL: `https://greeter.example.com/${secret}`}, message: `Hello, ${request.name ?? 'stranger'}!`}
  },
  async planChange(_resource, plan) {
    return {message: `Now on ${plan}.`}
  },
  async deprovision() {},
})

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = Fastify({logger: true})
  await app.register(greeter)
  await app.listen({host: '127.0.0.1', port: Number(process.env.PORT ?? 5000)})
}
