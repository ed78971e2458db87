import type {IncomingMessage} from 'node:http'
import type {ApiTarget} from '../api/target.js'

// The few GETs completion makes, on Node's own http/https modules. The CLI's ApiClient (got) would
// do, but loading got takes longer than a cold TAB may spend on everything (bench/completion.ts);
// completion needs no retries, no request bodies and no error messages, only the answer or nothing.

export interface ListReader {
  get<T>(path: string, options: {signal?: AbortSignal}): Promise<T>
  list<T>(path: string, options: {signal?: AbortSignal}): Promise<T[]>
}

const ACCEPT = 'application/vnd.heroku+json; version=3'
// the Platform API's largest page: 1,000 add-ons in one request
const WHOLE_LIST_RANGE = 'id ..; max=1000'

export function completionReader(target: ApiTarget): ListReader {
  const send = async (path: string, signal: AbortSignal | undefined, range?: string): Promise<{body: unknown; nextRange?: string}> => {
    const url = new URL(target.url.replace(/\/+$/, '') + path)
    const {request} = url.protocol === 'https:' ? await import('node:https') : await import('node:http')
    return new Promise((resolve, reject) => {
      const req = request(url, {
        method: 'GET',
        signal,
        headers: {accept: ACCEPT, 'user-agent': 'addonkit', ...(target.token ? {authorization: `Bearer ${target.token}`} : {}), ...(range ? {range} : {})},
      }, (response: IncomingMessage) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          const status = response.statusCode ?? 0
          if (status < 200 || status >= 300) return reject(new Error(`HTTP ${status}`))
          try {
            const next = response.headers['next-range']
            resolve({body: JSON.parse(Buffer.concat(chunks).toString('utf8')), nextRange: typeof next === 'string' && next !== '' ? next : undefined})
          } catch (error) {
            reject(error)
          }
        })
      })
      req.on('error', reject)
      req.end()
    })
  }
  return {
    async get<T>(path: string, options: {signal?: AbortSignal}): Promise<T> {
      return (await send(path, options.signal)).body as T
    },
    async list<T>(path: string, options: {signal?: AbortSignal}): Promise<T[]> {
      const all: T[] = []
      let range: string | undefined = WHOLE_LIST_RANGE
      while (range) {
        const page = await send(path, options.signal, range)
        if (!Array.isArray(page.body)) throw new Error('not a list')
        all.push(...(page.body as T[]))
        range = page.nextRange
      }
      return all
    },
  }
}
