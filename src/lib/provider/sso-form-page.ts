import {randomBytes} from 'node:crypto'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {escapeHtml} from '../../providers/kit/html.js'
import {AddonkitError} from '../errors.js'
import type {SsoParams} from './sso-signing.js'

export interface SsoFormPage {
  // where a browser picks the page up
  url: string
  // settles once the page was served (the browser is on its way to the provider)
  served: Promise<void>
  close(): Promise<void>
}

// An HTML page that POSTs the signed fields to the provider at once (a button when scripts are off).
export function ssoFormHtml(action: string, fields: SsoParams): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n    ')
  return `<!doctype html>
<html>
<head><meta charset="utf-8"><title>Signing in to the add-on</title></head>
<body onload="document.forms[0].submit()">
  <form method="post" action="${escapeHtml(action)}">
    ${inputs}
    <noscript><button type="submit">Sign in to the add-on</button></noscript>
  </form>
</body>
</html>
`
}

/**
 * A one-shot page on 127.0.0.1 that posts the signed SSO form to the provider, as the platform's
 * dashboard does. Served once, under an unguessable path (the form holds a live token), then the
 * server stops. It gives up after `maxWaitMs`: by then the token has expired anyway.
 */
export async function serveSsoFormPage(action: string, fields: SsoParams, maxWaitMs: number): Promise<SsoFormPage> {
  const path = `/sso-${randomBytes(16).toString('hex')}`
  const html = ssoFormHtml(action, fields)
  let markServed!: () => void
  let markExpired!: (error: Error) => void
  const served = new Promise<void>((resolve, reject) => {
    markServed = resolve
    markExpired = reject
  })
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== path) {
      response.writeHead(404, {'content-type': 'text/plain'}).end('not found\n')
      return
    }
    response.writeHead(200, {'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store'}).end(html, () => markServed())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const timer = setTimeout(() => markExpired(new AddonkitError('nobody opened the sign-on page in time: the signed token has expired')), maxWaitMs)
  const close = async () => {
    clearTimeout(timer)
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  served.then(close, close)
  const {port} = server.address() as AddressInfo
  return {url: `http://127.0.0.1:${port}${path}`, served, close}
}
