import {send} from './provider-http.js'
import type {SsoRequest} from './sso-signing.js'

export interface SsoLanding {
  status: number
  url: string
  // names of the cookies set along the way
  cookies: string[]
}

const maxRedirects = 10

/**
 * Sends an SSO request as a browser would: follows redirects (a 303, or a 301/302 after a POST,
 * turns into a GET), keeps the cookies set on the way and sends them back.
 */
export async function visitSso(request: SsoRequest, timeoutMs: number): Promise<SsoLanding> {
  const jar = new Map<string, string>()
  let url = request.url
  let init: RequestInit =
    request.method === 'post'
      ? {method: 'POST', body: new URLSearchParams(request.fields).toString(), headers: {'content-type': 'application/x-www-form-urlencoded'}}
      : {method: 'GET'}
  for (let hop = 0; ; hop++) {
    const headers = new Headers(init.headers)
    if (jar.size > 0) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '))
    const response = await send(url, {...init, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs)})
    await response.arrayBuffer()
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const equals = pair.indexOf('=')
      if (equals > 0) jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim())
    }
    const location = response.headers.get('location')
    if (response.status < 300 || response.status >= 400 || !location || hop >= maxRedirects) {
      return {status: response.status, url, cookies: [...jar.keys()]}
    }
    url = new URL(location, url).toString()
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && init.method === 'POST')) init = {method: 'GET'}
  }
}
