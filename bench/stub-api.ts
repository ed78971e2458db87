import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

// A small in-memory Platform API v3 stand-in: just the add-on reads and writes that `addons`,
// `addons:attach` and `config` make, with Range/Next-Range pagination as the real API pages lists.
// Used by the start-up bench (1,000 add-ons) and by the host-CLI plugin test.

export interface StubAddon {
  id: string
  name: string
  app: {id: string; name: string}
  addon_service: {id: string; name: string; human_name: string}
  plan: {id: string; name: string; price: {cents: number; unit: string}}
  billing_entity: {id: string; name: string; type: 'app'}
  billed_price: null
  config_vars: string[]
  state: 'provisioned'
  provider_id: string
  web_url: null
  actions: []
  created_at: string
  updated_at: string
}

export interface StubAttachment {
  id: string
  name: string
  addon: {id: string; name: string; app: {id: string; name: string}}
  app: {id: string; name: string}
  namespace: null
  web_url: null
  log_input_url: null
  created_at: string
  updated_at: string
}

export interface StubRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body?: unknown
}

export interface StubApi {
  url: string
  token: string
  addons: StubAddon[]
  attachments: StubAttachment[]
  requests: StubRequest[]
  close(): Promise<void>
}

export interface StubOptions {
  // the app every add-on belongs to
  app?: string
  // how many add-ons to create, each attached once under its own alias
  addons?: number
  token?: string
  // page size when the client sends no Range (the real API's default is 200)
  pageSize?: number
}

const STAMP = '2026-01-01T00:00:00Z'
const uuid = (kind: number, n: number) => `00000000-0000-4000-${String(8000 + kind)}-${String(n).padStart(12, '0')}`

interface App {
  id: string
  name: string
  release: number
  config: Record<string, string>
}

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export async function startStubApi(options: StubOptions = {}): Promise<StubApi> {
  const token = options.token ?? 'stub-token'
  const pageSize = options.pageSize ?? 200
  const apps = new Map<string, App>()
  const addons: StubAddon[] = []
  const attachments: StubAttachment[] = []
  const requests: StubRequest[] = []
  let serial = 0

  const addApp = (name: string): App => {
    const app = {id: uuid(1, apps.size + 1), name, release: 9, config: {}}
    apps.set(name, app)
    return app
  }
  const findApp = (ident: unknown): App => {
    const key = identity(ident)
    const app = [...apps.values()].find((a) => a.id === key || a.name === key)
    if (!app) throw new ApiFailure(404, 'not_found', "Couldn't find that app.", {resource: 'app'})
    return app
  }
  const findAddon = (ident: unknown): StubAddon => {
    const key = identity(ident)
    const addon = addons.find((a) => a.id === key || a.name === key)
    if (!addon) throw new ApiFailure(404, 'not_found', "Couldn't find that add on.", {resource: 'add_on'})
    return addon
  }
  const attach = (addon: StubAddon, app: App, name: string): StubAttachment => {
    serial++
    const attachment: StubAttachment = {
      id: uuid(3, serial),
      name,
      addon: {id: addon.id, name: addon.name, app: addon.app},
      app: {id: app.id, name: app.name},
      namespace: null,
      web_url: null,
      log_input_url: null,
      created_at: STAMP,
      updated_at: STAMP,
    }
    attachments.push(attachment)
    for (const key of addon.config_vars) app.config[key.replace(/^[A-Z0-9_]+?_URL$/, `${name}_URL`)] = `redis://h:p${serial}@host:6379`
    app.release++
    return attachment
  }

  const owner = addApp(options.app ?? 'example-app')
  for (let n = 1; n <= (options.addons ?? 0); n++) {
    const addon: StubAddon = {
      id: uuid(2, n),
      name: n === 1 ? 'important-redis' : `redis-${String(n).padStart(5, '0')}`,
      app: {id: owner.id, name: owner.name},
      addon_service: {id: uuid(4, 1), name: 'heroku-redis', human_name: 'Heroku Key-Value Store'},
      plan: {id: uuid(5, 1), name: 'heroku-redis:mini', price: {cents: 300, unit: 'month'}},
      billing_entity: {id: owner.id, name: owner.name, type: 'app'},
      billed_price: null,
      config_vars: ['REDIS_URL'],
      state: 'provisioned',
      provider_id: `res-${n}`,
      web_url: null,
      actions: [],
      created_at: STAMP,
      updated_at: STAMP,
    }
    addons.push(addon)
    attach(addon, owner, n === 1 ? 'BROKER' : `REDIS_${n}`)
  }
  owner.release = 9

  const route = async (method: string, path: string, body: unknown, headers: IncomingMessage['headers']): Promise<{status?: number; body: unknown} | unknown[]> => {
    let m: RegExpMatchArray | null
    if (method === 'GET' && path === '/addons') return addons
    if (method === 'GET' && path === '/addon-attachments') return attachments
    if (method === 'GET' && (m = path.match(/^\/addons\/([^/]+)$/))) return {body: findAddon(decodeURIComponent(m[1]))}
    if (method === 'GET' && (m = path.match(/^\/addons\/([^/]+)\/addon-attachments$/))) {
      const addon = findAddon(decodeURIComponent(m[1]))
      return attachments.filter((a) => a.addon.id === addon.id)
    }
    if (method === 'GET' && (m = path.match(/^\/apps\/([^/]+)$/))) {
      const app = findApp(decodeURIComponent(m[1]))
      return {body: {id: app.id, name: app.name}}
    }
    if (method === 'GET' && (m = path.match(/^\/apps\/([^/]+)\/addons$/))) {
      const app = findApp(decodeURIComponent(m[1]))
      return addons.filter((a) => a.app.id === app.id)
    }
    if (method === 'GET' && (m = path.match(/^\/apps\/([^/]+)\/addons\/([^/]+)$/))) {
      findApp(decodeURIComponent(m[1]))
      return {body: findAddon(decodeURIComponent(m[2]))}
    }
    if (method === 'GET' && (m = path.match(/^\/apps\/([^/]+)\/addon-attachments$/))) {
      const app = findApp(decodeURIComponent(m[1]))
      return attachments.filter((a) => a.app.id === app.id)
    }
    if (method === 'GET' && (m = path.match(/^\/apps\/([^/]+)\/addon-attachments\/([^/]+)$/))) {
      const app = findApp(decodeURIComponent(m[1]))
      const key = decodeURIComponent(m[2])
      const found = attachments.find((a) => a.app.id === app.id && (a.id === key || a.name === key))
      if (!found) throw new ApiFailure(404, 'not_found', "Couldn't find that add on attachment.", {resource: 'add_on attachment'})
      return {body: found}
    }
    if (method === 'GET' && (m = path.match(/^\/apps\/([^/]+)\/config-vars$/))) return {body: findApp(decodeURIComponent(m[1])).config}
    if (method === 'GET' && (m = path.match(/^\/apps\/([^/]+)\/releases$/))) {
      const app = findApp(decodeURIComponent(m[1]))
      // the CLI asks `Range: version ..; max=1, order=desc`: the newest release only
      return {body: [{id: uuid(6, app.release), version: app.release, description: 'latest', created_at: STAMP}]}
    }
    if (method === 'POST' && path === '/actions/addons/resolve') {
      const {addon: ident, app: appIdent} = (body ?? {}) as {addon?: string; app?: string | null}
      const scoped = appIdent ? findApp(appIdent) : undefined
      const byName = addons.filter((a) => a.id === ident || a.name === ident)
      const byAlias = attachments
        .filter((a) => (!scoped || a.app.id === scoped.id) && (a.name === ident || `${a.app.name}::${a.name}` === ident))
        .map((a) => findAddon(a.addon.id))
      const matches = [...new Set([...byName, ...byAlias])]
      if (matches.length === 0) throw new ApiFailure(404, 'not_found', "Couldn't find that add on.", {resource: 'add_on'})
      return {body: matches}
    }
    if (method === 'POST' && path === '/addon-attachments') {
      const {addon: addonIdent, app: appIdent, name, confirm} = (body ?? {}) as Record<string, unknown>
      const addon = findAddon(addonIdent)
      const app = findApp(appIdent)
      const alias = typeof name === 'string' && name !== '' ? name : 'REDIS'
      const existing = attachments.findIndex((a) => a.app.id === app.id && a.name === alias)
      if (existing !== -1) {
        if (confirm !== app.name) {
          throw new ApiFailure(423, 'confirmation_required', `${addon.name} will overwrite ${alias}_URL on ${app.name}.`)
        }
        attachments.splice(existing, 1)
      }
      return {status: 201, body: attach(addon, app, alias)}
    }
    void headers
    throw new ApiFailure(404, 'not_found', `No route for ${method} ${path} in the stub API.`)
  }

  // A list page is worked out (sorted, paged, serialized) once and served as bytes until something is
  // written: the start-up bench times the CLI, and a stub that re-sorts and re-serializes 1,000 add-ons
  // for every request would add its own ≈15 ms to every figure.
  const pages = new Map<string, {status: number; body: Buffer; headers: Record<string, string>}>()

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]
      const text = Buffer.concat(chunks).toString('utf8')
      let body: unknown
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {
        body = text
      }
      const method = req.method ?? 'GET'
      requests.push({method, path, headers: req.headers, body})
      void handle(method, path, body, req, res)
    })
  })

  const handle = async (method: string, path: string, body: unknown, req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.headers.authorization !== `Bearer ${token}`) throw new ApiFailure(401, 'unauthorized', 'Invalid credentials provided.')
      const pageKey = `${path} ${req.headers.range ?? ''}`
      const saved = method === 'GET' ? pages.get(pageKey) : undefined
      if (saved) return sendText(res, saved.status, saved.body, saved.headers)
      if (method !== 'GET') pages.clear()
      const result = await route(method, path, body, req.headers)
      if (Array.isArray(result)) {
        const page = paginate(result as Array<{id: string; name: string}>, req.headers.range, pageSize)
        const bytes = Buffer.from(JSON.stringify(page.body))
        pages.set(pageKey, {status: page.status, body: bytes, headers: page.headers})
        sendText(res, page.status, bytes, page.headers)
      } else {
        const {status, body: payload} = result as {status?: number; body: unknown}
        send(res, status ?? 200, payload)
      }
    } catch (error) {
      if (error instanceof ApiFailure) send(res, error.status, {id: error.id, message: error.message, ...error.extra})
      else send(res, 500, {id: 'internal_error', message: String(error)})
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    addons,
    attachments,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function identity(ident: unknown): string | undefined {
  if (typeof ident === 'string') return ident
  if (ident && typeof ident === 'object') {
    const record = ident as {id?: unknown; name?: unknown}
    if (typeof record.id === 'string') return record.id
    if (typeof record.name === 'string') return record.name
  }
  return undefined
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  sendText(res, status, JSON.stringify(body), headers)
}

function sendText(res: ServerResponse, status: number, text: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'request-id': 'stub', ...headers})
  res.end(text)
}

interface Range {
  field: 'id' | 'name'
  start?: string
  exclusive: boolean
  max: number
  order: 'asc' | 'desc'
}

// `Range: id ]<last>..; max=200, order=asc` (separators ; or , and an optional trailing ;), as in §1.5.
export function parseRange(header: string | undefined, pageSize: number): Range {
  const range: Range = {field: 'id', exclusive: false, max: pageSize, order: 'asc'}
  if (!header) return range
  const [head, ...params] = header.split(/[;,]/).map((part) => part.trim())
  const m = head.match(/^(\w+)\s*(\]?)([^.\s]*)\.\.(\S*)$/) ?? head.match(/^(\w+)$/)
  if (!m || (m[1] !== 'id' && m[1] !== 'name')) throw new ApiFailure(416, 'requested_range_not_satisfiable', `Invalid range: ${header}`)
  range.field = m[1]
  range.exclusive = m[2] === ']'
  if (m[3]) range.start = m[3]
  for (const param of params) {
    const [key, value] = param.split('=').map((s) => s?.trim())
    if (key === 'max') range.max = Math.min(1000, Math.max(1, Number(value) || pageSize))
    if (key === 'order' && (value === 'asc' || value === 'desc')) range.order = value
  }
  return range
}

function paginate(items: Array<{id: string; name: string}>, header: string | undefined, pageSize: number) {
  const range = parseRange(header, pageSize)
  const key = (item: {id: string; name: string}) => item[range.field]
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  if (range.order === 'desc') sorted.reverse()
  const after = (item: {id: string; name: string}) => {
    if (range.start === undefined) return true
    const cmp = key(item) < range.start ? -1 : key(item) > range.start ? 1 : 0
    const forward = range.order === 'asc' ? cmp : -cmp
    return range.exclusive ? forward > 0 : forward >= 0
  }
  const rest = sorted.filter(after)
  const page = rest.slice(0, range.max)
  const headers: Record<string, string> = {'accept-ranges': 'id, name'}
  const order = range.order === 'desc' ? ', order=desc' : ''
  if (page.length > 0) headers['content-range'] = `${range.field} ${key(page[0])}..${key(page.at(-1)!)}; max=${range.max}${order}`
  // Next-Range only when more data exists: the Heroku client follows it whenever it is present
  if (rest.length > page.length) {
    headers['next-range'] = `${range.field} ]${key(page.at(-1)!)}..; max=${range.max}${order}`
    return {status: 206, body: page, headers}
  }
  return {status: 200, body: page, headers}
}
