import {randomBytes} from 'node:crypto'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {ssoFormPage} from '../../platform/pages/sso-login.js'
import {AddonkitError} from '../errors.js'
import type {SsoParams} from './sso-signing.js'

export interface SsoFormPage {
  // where a browser picks the page up
  url: string
  // settles once the page was served (the browser is on its way to the provider)
  served: Promise<void>
  close(): Promise<void>
}

/**
 * A one-shot page on 127.0.0.1 that posts the signed SSO form to the provider: the platform's own
 * login page (addons:open), served locally. Served once, under an unguessable path (the form holds a live token), then the
 * server stops. It gives up after `maxWaitMs`: by then the token has expired anyway.
 */
export async function serveSsoFormPage(addonName: string, action: string, fields: SsoParams, maxWaitMs: number): Promise<SsoFormPage> {
  const path = `/sso-${randomBytes(16).toString('hex')}`
  const html = ssoFormPage(addonName, action, fields)
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
