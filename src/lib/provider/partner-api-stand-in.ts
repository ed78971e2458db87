import {randomBytes, randomUUID} from 'node:crypto'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {partnerSamples, type PartnerSamples} from './partner-samples.js'
import {WebhookStandIn, type StandInAnswer} from './webhook-stand-in.js'

// What one add-on's provider did on the platform's partner API.
export interface PartnerCalls {
  // the grant was exchanged (with the right secret) for a token
  exchanged: boolean
  // refused calls, in words: a wrong secret, a missing token, a route beyond the token's reach...
  problems: string[]
  // the config as the provider PATCHed it (null values remove)
  config: Record<string, unknown>
  outcome?: 'provisioned' | 'deprovisioned'
  // every call made with the add-on's token, as `METHOD /path STATUS`
  calls: string[]
  // its webhook subscriptions and what their URLs answered (once the add-on is recorded)
  webhooks?: WebhookStandIn
}

export interface PartnerApiStandIn {
  url: string
  // the provision request's callback_url and oauth_grant for this uuid
  callbackUrl(uuid: string): string
  grant(uuid: string, now: number): {code: string; type: 'authorization_code'; expires_at: string}
  // the platform has recorded the add-on (it answered the provision): its app, attachment and
  // domains become readable with its token, and webhooks can be made
  recorded(uuid: string, addon: {name: string; plan: string; service: string; async: boolean}): void
  calls(uuid: string): PartnerCalls
  // resolves once the provider marked the add-on provisioned or deprovisioned, or at the deadline
  settled(uuid: string, timeoutMs: number): Promise<PartnerCalls>
  // resolves once the provider has made no call for `quietMs` and every sample delivery was
  // answered, or at the deadline
  quiet(uuid: string, quietMs: number, timeoutMs: number): Promise<PartnerCalls>
  close(): Promise<void>
}

// an add-on the stand-in has recorded
interface Recorded {
  samples: PartnerSamples
  async: boolean
}

/**
 * The platform's partner API for provider:test, on 127.0.0.1: it exchanges the provision's grant
 * (client secret = the manifest's api.password, as the local platform checks it), records the
 * config PATCH and the provision/deprovision action, and, once the add-on is recorded, plays the
 * partner reads (the add-on, its attachment, its app with the owner, the app's domains) and add-on
 * webhooks (webhook-stand-in.ts) over made-up samples. Like the platform, it answers 403 for what a
 * partner token may not reach, 404 for another app, and notes each refusal.
 */
export async function startPartnerApiStandIn(clientSecret: string, options: {webhookTimeoutMs?: number} = {}): Promise<PartnerApiStandIn> {
  const grants = new Map<string, string>() // code -> uuid
  const tokens = new Map<string, string>() // token -> uuid
  const records = new Map<string, PartnerCalls>()
  const recorded = new Map<string, Recorded>()
  const lastCall = new Map<string, number>()
  const waiters = new Map<string, (() => void)[]>()
  const record = (uuid: string) => {
    if (!records.has(uuid)) records.set(uuid, {exchanged: false, problems: [], config: {}, calls: []})
    return records.get(uuid)!
  }
  const settle = (uuid: string) => {
    for (const wake of waiters.get(uuid) ?? []) wake()
    waiters.delete(uuid)
  }

  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => answer(request, body, response))
      .catch(() => send(response, {status: 400, body: {id: 'bad_request', message: 'unreadable request'}}))
  })

  function answer(request: IncomingMessage, body: string, response: ServerResponse): void {
    const path = (request.url ?? '').split('?')[0]
    const method = request.method ?? 'GET'
    if (method === 'POST' && path === '/oauth/token') return send(response, exchange(new URLSearchParams(body)))
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]
    const uuid = bearer === undefined ? undefined : tokens.get(bearer)
    const named = /^\/addons\/([^/]+)/.exec(path)?.[1]
    if (uuid === undefined || (named !== undefined && named !== uuid)) {
      if (named !== undefined) record(named).problems.push(`${method} ${path} came without the add-on's token`)
      return send(response, {status: 401, body: {id: 'unauthorized', message: 'Invalid credentials provided.'}})
    }
    const calls = record(uuid)
    lastCall.set(uuid, Date.now())
    const answered = route(uuid, calls, method, path, body)
    calls.calls.push(`${method} ${path} ${answered.status}`)
    if (answered.status === 403) calls.problems.push(`${method} ${path}: a partner token may not do this (the platform answers 403)`)
    send(response, answered)
  }

  function exchange(form: URLSearchParams): StandInAnswer {
    const uuid = grants.get(form.get('code') ?? '')
    if (!uuid) return {status: 401, body: {id: 'unauthorized', message: 'Invalid or expired authorization code.'}}
    if (form.get('client_secret') !== clientSecret) {
      record(uuid).problems.push('the grant was exchanged with a wrong client_secret')
      return {status: 401, body: {id: 'unauthorized', message: 'Invalid client secret.'}}
    }
    grants.delete(form.get('code')!)
    const token = randomBytes(24).toString('hex')
    tokens.set(token, uuid)
    record(uuid).exchanged = true
    lastCall.set(uuid, Date.now())
    return {status: 200, body: {access_token: token, refresh_token: randomBytes(24).toString('hex'), expires_in: 28800, token_type: 'Bearer'}}
  }

  // The calls a token makes for its own add-on (uuid).
  function route(uuid: string, calls: PartnerCalls, method: string, path: string, body: string): StandInAnswer {
    const rest = path.startsWith(`/addons/${uuid}`) ? path.slice(`/addons/${uuid}`.length) : undefined
    if (rest === '/config') return config(calls, method, body)
    if (method === 'POST' && (rest === '/actions/provision' || rest === '/actions/deprovision')) {
      calls.outcome = rest === '/actions/provision' ? 'provisioned' : 'deprovisioned'
      settle(uuid)
      return {status: 200, body: {id: uuid, state: calls.outcome}}
    }
    const addon = recorded.get(uuid)
    // as on the platform, an add-on still being created is not found
    if (!addon) return {status: 404, body: {id: 'not_found', message: "Couldn't find that add on."}}
    const {samples} = addon
    if (rest === '' && method === 'GET') return {status: 200, body: samples.addon(calls.outcome ?? (addon.async ? 'provisioning' : 'provisioned'))}
    if (rest === '/addon-attachments' && method === 'GET') return {status: 200, body: [samples.attachment]}
    const webhooks = calls.webhooks!
    if (rest === '/webhooks' && method === 'GET') return webhooks.list()
    if (rest === '/webhooks' && method === 'POST') return webhooks.create(parseJson(body))
    const hook = rest === undefined ? undefined : /^\/webhooks\/([^/]+)$/.exec(rest)?.[1]
    if (hook !== undefined && method === 'DELETE') return webhooks.destroy(decodeURIComponent(hook))
    if ((rest === '/webhook-deliveries' || rest === '/webhook-events') && method === 'GET') return {status: 200, body: []}
    const app = /^\/apps\/([^/]+)(\/domains(?:\/([^/]+))?)?$/.exec(path)
    if (app && method === 'GET') {
      const ref = decodeURIComponent(app[1])
      if (ref !== samples.app.id && ref !== samples.app.name) return {status: 404, body: {id: 'not_found', message: "Couldn't find that app."}}
      if (!app[2]) return {status: 200, body: samples.app}
      if (app[3] === undefined) return {status: 200, body: samples.domains}
      const domain = samples.domains.find((d) => d.id === decodeURIComponent(app[3]) || d.hostname === decodeURIComponent(app[3]))
      return domain ? {status: 200, body: domain} : {status: 404, body: {id: 'not_found', message: "Couldn't find that domain."}}
    }
    return {status: 403, body: {id: 'forbidden', message: 'This token only gives access to its own add-on and the apps it is attached to.'}}
  }

  function config(calls: PartnerCalls, method: string, body: string): StandInAnswer {
    const list = () => Object.entries(calls.config).map(([name, value]) => ({name, value}))
    if (method === 'GET') return {status: 200, body: list()}
    if (method !== 'PATCH') return {status: 404, body: {id: 'not_found', message: `No route for ${method} config.`}}
    const items = parseJson(body)?.config
    if (!Array.isArray(items)) return {status: 422, body: {id: 'invalid_params', message: 'config must be an array of {name, value}.'}}
    for (const item of items as {name?: unknown; value?: unknown}[]) {
      if (typeof item?.name !== 'string') continue
      if (item.value === null) delete calls.config[item.name]
      else calls.config[item.name] = item.value
    }
    return {status: 200, body: list()}
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
    recorded(uuid, addon) {
      if (recorded.has(uuid)) return
      const samples = partnerSamples({uuid, ...addon})
      recorded.set(uuid, {samples, async: addon.async})
      record(uuid).webhooks = new WebhookStandIn(samples, options.webhookTimeoutMs ?? 10_000)
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
    async quiet(uuid, quietMs, timeoutMs) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const calls = record(uuid)
        const idle = Date.now() - (lastCall.get(uuid) ?? 0) >= quietMs && !calls.webhooks?.delivering
        if (idle || Date.now() >= deadline) return calls
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
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

function send(response: ServerResponse, answer: StandInAnswer): void {
  response.writeHead(answer.status, {'content-type': 'application/json', ...answer.headers}).end(JSON.stringify(answer.body))
}
