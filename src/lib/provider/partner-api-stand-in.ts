import {randomBytes, randomUUID} from 'node:crypto'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

// What one add-on's provider did on the platform's partner API.
export interface PartnerCalls {
  // the grant was exchanged (with the right secret) for a token
  exchanged: boolean
  // refused calls, in words: a wrong secret, a missing token...
  problems: string[]
  // the config as the provider PATCHed it (null values remove)
  config: Record<string, unknown>
  outcome?: 'provisioned' | 'deprovisioned'
}

export interface PartnerApiStandIn {
  url: string
  // the provision request's callback_url and oauth_grant for this uuid
  callbackUrl(uuid: string): string
  grant(uuid: string, now: number): {code: string; type: 'authorization_code'; expires_at: string}
  calls(uuid: string): PartnerCalls
  // resolves once the provider marked the add-on provisioned or deprovisioned, or at the deadline
  settled(uuid: string, timeoutMs: number): Promise<PartnerCalls>
  close(): Promise<void>
}

/**
 * The platform's side of asynchronous provisioning, for provider:test: a partner API on 127.0.0.1
 * that exchanges the provision's grant (client secret = the manifest's api.password, as the local
 * platform checks it) and records the config PATCH and the provision/deprovision action.
 */
export async function startPartnerApiStandIn(clientSecret: string): Promise<PartnerApiStandIn> {
  const grants = new Map<string, string>() // code -> uuid
  const tokens = new Map<string, string>() // token -> uuid
  const records = new Map<string, PartnerCalls>()
  const waiters = new Map<string, (() => void)[]>()
  const record = (uuid: string) => {
    if (!records.has(uuid)) records.set(uuid, {exchanged: false, problems: [], config: {}})
    return records.get(uuid)!
  }
  const settle = (uuid: string) => {
    for (const wake of waiters.get(uuid) ?? []) wake()
    waiters.delete(uuid)
  }

  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => answer(request, body, response))
      .catch(() => send(response, 400, {id: 'bad_request', message: 'unreadable request'}))
  })

  function answer(request: IncomingMessage, body: string, response: ServerResponse): void {
    const path = (request.url ?? '').split('?')[0]
    if (request.method === 'POST' && path === '/oauth/token') {
      const form = new URLSearchParams(body)
      const uuid = grants.get(form.get('code') ?? '')
      if (!uuid) return send(response, 401, {id: 'unauthorized', message: 'Invalid or expired authorization code.'})
      if (form.get('client_secret') !== clientSecret) {
        record(uuid).problems.push('the grant was exchanged with a wrong client_secret')
        return send(response, 401, {id: 'unauthorized', message: 'Invalid client secret.'})
      }
      grants.delete(form.get('code')!)
      const token = randomBytes(24).toString('hex')
      tokens.set(token, uuid)
      record(uuid).exchanged = true
      return send(response, 200, {access_token: token, refresh_token: randomBytes(24).toString('hex'), expires_in: 28800, token_type: 'Bearer'})
    }
    const match = /^\/addons\/([^/]+)\/(config|actions\/provision|actions\/deprovision)$/.exec(path)
    if (!match) return send(response, 404, {id: 'not_found', message: `No route for ${request.method} ${path}.`})
    const [, uuid, action] = match
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]
    if (!bearer || tokens.get(bearer) !== uuid) {
      record(uuid).problems.push(`${request.method} ${path} came without the add-on's token`)
      return send(response, 401, {id: 'unauthorized', message: 'Invalid credentials provided.'})
    }
    const calls = record(uuid)
    if (action === 'config' && request.method === 'PATCH') {
      const items = parseJson(body)?.config
      if (!Array.isArray(items)) return send(response, 422, {id: 'invalid_params', message: 'config must be an array of {name, value}.'})
      for (const item of items as {name?: unknown; value?: unknown}[]) {
        if (typeof item?.name !== 'string') continue
        if (item.value === null) delete calls.config[item.name]
        else calls.config[item.name] = item.value
      }
      return send(response, 200, Object.entries(calls.config).map(([name, value]) => ({name, value})))
    }
    if (action === 'config' && request.method === 'GET') return send(response, 200, Object.entries(calls.config).map(([name, value]) => ({name, value})))
    if (request.method !== 'POST') return send(response, 404, {id: 'not_found', message: `No route for ${request.method} ${path}.`})
    calls.outcome = action === 'actions/provision' ? 'provisioned' : 'deprovisioned'
    settle(uuid)
    return send(response, 200, {id: uuid, state: calls.outcome})
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    callbackUrl: (uuid) => `${url}/addons/${uuid}`,
    grant(uuid, now) {
      const code = randomUUID()
      grants.set(code, uuid)
      // grants expire about five minutes after the request
      return {code, type: 'authorization_code', expires_at: new Date(now + 5 * 60_000).toISOString()}
    },
    calls: (uuid) => record(uuid),
    settled(uuid, timeoutMs) {
      if (record(uuid).outcome) return Promise.resolve(record(uuid))
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(record(uuid)), timeoutMs)
        waiters.set(uuid, [...(waiters.get(uuid) ?? []), () => {
          clearTimeout(timer)
          resolve(record(uuid))
        }])
      })
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body))
}
