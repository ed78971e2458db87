import type {ApiClient} from '../api/client.js'
import {HEROKU_API_URL} from '../api/target.js'
import {AddonkitError, isApiError} from '../errors.js'

// What `addonkit dashboard` opens: on the local platform a one-time link that signs the browser in
// (valid a minute, used once) and lands on the app's Resources when one is named; on Heroku its own
// dashboard, where the browser signs in as usual.
export async function dashboardSignInUrl(api: ApiClient, app?: string): Promise<string> {
  const base = api.target.url.replace(/\/+$/, '')
  if (new URL(base).hostname === new URL(HEROKU_API_URL).hostname) {
    return app ? `https://dashboard.heroku.com/apps/${encodeURIComponent(app)}/resources` : 'https://dashboard.heroku.com/apps'
  }
  try {
    const link = await api.post<{url: string}>('/account/dashboard-links', app ? {path: `/dashboard/apps/${encodeURIComponent(app)}/resources`} : {})
    return link.url
  } catch (error) {
    if (isApiError(error) && error.status === 404) throw new AddonkitError(`The platform at ${base} has no dashboard.`)
    throw error
  }
}
