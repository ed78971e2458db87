import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {FastifyInstance} from 'fastify'
import {ENHANCE_SCRIPT} from './assets/enhance.js'
import {STYLESHEET} from './assets/stylesheet.js'

// The dashboard's three files: its stylesheet and small script (kept as strings in TypeScript
// modules, so the build has nothing to copy and no bundler to run), and htmx from its npm package,
// never from a CDN. Served with an ETag (the server's etag plugin) and revalidated on each use, so a
// new version is picked up at once and an unchanged one costs a 304.
export const ASSETS = {
  stylesheet: '/dashboard/assets/dashboard.css',
  script: '/dashboard/assets/dashboard.js',
  htmx: '/dashboard/assets/htmx.min.js',
} as const

interface Asset {
  type: string
  body: Buffer
  // the same file gzipped, when the package ships one
  gzip?: Buffer
}

let htmx: Asset | undefined
function htmxAsset(): Asset {
  if (!htmx) {
    const file = createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js')
    let gzip: Buffer | undefined
    try {
      gzip = readFileSync(`${file}.gz`)
    } catch {
      gzip = undefined
    }
    htmx = {type: 'text/javascript; charset=utf-8', body: readFileSync(file), gzip}
  }
  return htmx
}

const FILES: Record<string, () => Asset> = {
  [ASSETS.stylesheet]: () => ({type: 'text/css; charset=utf-8', body: Buffer.from(STYLESHEET)}),
  [ASSETS.script]: () => ({type: 'text/javascript; charset=utf-8', body: Buffer.from(ENHANCE_SCRIPT)}),
  [ASSETS.htmx]: htmxAsset,
}

// What a browser downloads for one page besides its HTML (page-weight checks add these up).
export function assetBytes(): number {
  return Object.values(FILES).reduce((sum, load) => sum + load().body.length, 0)
}

export function assetRoutes(scope: FastifyInstance): void {
  for (const [url, load] of Object.entries(FILES)) {
    scope.get(url, {config: {dashboard: 'public'}}, async (request, reply) => {
      const asset = load()
      reply.type(asset.type).header('cache-control', 'no-cache').header('vary', 'accept-encoding')
      if (asset.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(asset.gzip)
      return reply.send(asset.body)
    })
  }
}
