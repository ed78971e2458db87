// Speaks the platform side of the provider API, as the tests need it.
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
}

export interface Answer {
  status: number
  body: any
}

export function providerClient(baseUrl: string, manifest: ProviderManifest, password = manifest.api.password) {
  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: basicAuth(manifest.id, password),
        accept: 'application/vnd.heroku-addons+json; version=3',
        ...(body === undefined ? {} : {'content-type': 'application/json'}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return {status: response.status, body: text ? JSON.parse(text) : undefined}
  }
  return {
    provision: (body: Record<string, unknown>) => call('POST', '/heroku/resources', body),
    planChange: (id: string, plan: string) => call('PUT', `/heroku/resources/${id}`, {plan}),
    deprovision: (id: string) => call('DELETE', `/heroku/resources/${id}`),
    call,
  }
}

export function provisionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: crypto.randomUUID(),
    name: 'acme-test-resource',
    plan: 'test',
    region: 'amazon-web-services::us-east-1',
    callback_url: 'http://127.0.0.1/addons/x',
    options: {},
    ...overrides,
  }
}
