import {pathOf} from '../endpoints.js'
import {visitSso} from '../sso-browser.js'
import {nowSeconds, signSso, ssoRequest, type SsoParams} from '../sso-signing.js'
import {check, type ConformanceContext} from './context.js'

// Platforms refuse tokens older than five minutes; the stale check goes one minute further.
const staleBySeconds = 6 * 60

/**
 * Single sign-on to the provider's dashboard: fresh signed parameters log in (2xx after redirects)
 * and set a cookie; a wrong token and a stale timestamp (token recomputed, so only the age is
 * wrong) are each refused with 403.
 */
export async function checkSso(context: ConformanceContext, id: string): Promise<void> {
  const {manifest, report} = context
  const sso = context.endpoints.sso
  if (!sso) {
    report.group('single sign-on')
    report.fail('SSO is configured', `the manifest's api.${context.production ? 'production' : 'test'} has no sso_url`)
    return
  }
  report.group(`${sso.method.toUpperCase()} ${pathOf(sso.url)} (single sign-on)`)
  const visit = (params: SsoParams) => visitSso(ssoRequest(sso, params), context.timeoutMs)
  const now = nowSeconds(context.now)

  let cookies: string[] | undefined
  await check(context, 'SSO with a good token logs in', async () => {
    const landing = await visit(signSso(manifest, id, now))
    cookies = landing.cookies
    return landing.status >= 200 && landing.status < 300 ? undefined : `expected 2xx after redirects, got ${landing.status} at ${landing.url}`
  })
  if (cookies !== undefined) {
    const set = cookies
    // how the provider keeps the user signed in is its own affair: a cookie is the usual way
    await check(context, 'SSO sets a cookie', async () => (set.length > 0 ? undefined : 'no cookie was set: the user would have no session'), 'should')
  }
  await check(context, 'SSO refuses a bad token with 403', async () => {
    const params = signSso(manifest, id, now)
    const landing = await visit({...params, token: 'invalid', resource_token: 'invalid', user_scoped_resource_token: 'invalid'})
    return landing.status === 403 ? undefined : `expected 403, got ${landing.status}`
  })
  await check(context, 'SSO refuses a stale timestamp with 403', async () => {
    const landing = await visit(signSso(manifest, id, now - staleBySeconds))
    return landing.status === 403 ? undefined : `expected 403 for a token signed ${staleBySeconds / 60} minutes ago, got ${landing.status}`
  })
}
