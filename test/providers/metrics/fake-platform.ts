// The platform as the metrics of a built-in service see it: the grant exchange, the partner read of
// an add-on's attachments, and Logplex's POST /logs, on 127.0.0.1. `down` makes it drop every
// connection, as a platform that went away.
import {randomBytes, randomUUID} from 'node:crypto'
import Fastify from 'fastify'
import {parseInputBody} from '../../../src/wire/logplex.js'

export interface FakePlatform {
  url: string
  down: boolean
  // log_input_url per app, and the lines each app got (messages only)
  logUrl(app: string): string
  lines(app: string): string[]
  // the apps an add-on is attached to
  attach(addonId: string, apps: string[]): void
  // a grant the platform will exchange for this add-on
  grant(addonId: string): string
  // every token exchange and refresh, in order
  tokenCalls: string[]
  close(): Promise<void>
}

export const CLIENT_SECRET = 'service-password'

export async function startFakePlatform(options: {expiresIn?: number} = {}): Promise<FakePlatform> {
  const app = Fastify()
  const appTokens = new Map<string, string>() // log token -> app
  const received = new Map<string, string[]>()
  const attachments = new Map<string, string[]>()
  const grants = new Map<string, string>()
  const access = new Map<string, string>() // bearer -> addon
  const refreshes = new Map<string, string>() // refresh token -> addon
  const state = {down: false, tokenCalls: [] as string[]}
  let url = ''

  const logUrl = (name: string) => {
    let token = [...appTokens].find(([, a]) => a === name)?.[0]
    if (!token) {
      token = `t.${randomUUID()}`
      appTokens.set(token, name)
    }
    return `${url.replace('://', `://token:${token}@`)}/logs`
  }
  const issue = (addonId: string) => {
    const token = randomBytes(8).toString('hex')
    const refresh = randomBytes(8).toString('hex')
    access.set(token, addonId)
    refreshes.set(refresh, addonId)
    return {access_token: token, refresh_token: refresh, expires_in: options.expiresIn ?? 28_800, token_type: 'Bearer'}
  }

  app.addHook('onRequest', async (request, reply) => {
    if (!state.down) return
    // nothing of the request is handled: the client sees the connection drop
    reply.hijack()
    request.raw.socket.destroy()
  })
  app.addContentTypeParser('application/logplex-1', {parseAs: 'buffer'}, (_r, body, done) => done(null, body))
  app.addContentTypeParser('application/x-www-form-urlencoded', {parseAs: 'string'}, (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))))
  app.post<{Body: Record<string, string>}>('/oauth/token', async (request, reply) => {
    const {grant_type: type, code, refresh_token: refresh, client_secret: secret} = request.body
    if (secret !== CLIENT_SECRET) return reply.code(401).send({message: 'Invalid client secret.'})
    const addonId = type === 'authorization_code' ? grants.get(code) : refreshes.get(refresh)
    if (!addonId) return reply.code(401).send({message: 'Invalid grant.'})
    if (type === 'authorization_code') grants.delete(code)
    else refreshes.delete(refresh)
    state.tokenCalls.push(`${type} ${addonId}`)
    return issue(addonId)
  })
  app.get<{Params: {addon: string}}>('/addons/:addon/addon-attachments', async (request, reply) => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (!bearer || access.get(bearer) !== request.params.addon) return reply.code(401).send({message: 'Invalid credentials provided.'})
    return (attachments.get(request.params.addon) ?? []).map((name) => ({app: {name}, log_input_url: logUrl(name)}))
  })
  app.post('/logs', async (request, reply) => {
    const auth = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString()
    const name = appTokens.get(auth.replace(/^token:/, ''))
    if (!name) return reply.code(401).send('Unauthorized')
    received.set(name, [...(received.get(name) ?? []), ...parseInputBody(request.body as Buffer).map((m) => m.message)])
    return reply.code(204).send()
  })
  url = await app.listen({host: '127.0.0.1', port: 0})
  return Object.assign(state, {
    url,
    logUrl,
    lines: (name: string) => received.get(name) ?? [],
    attach: (addonId: string, apps: string[]) => void attachments.set(addonId, apps),
    grant(addonId: string) {
      const code = randomUUID()
      grants.set(code, addonId)
      return code
    },
    close: () => app.close(),
  })
}
