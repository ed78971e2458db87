import type {ApiClient} from '../api/client.js'
import type {Addon, SsoLogin} from '../api/types.js'
import {AddonkitError, isApiError} from '../errors.js'

// Answers meaning "no SSO here" (e.g. real Heroku only serves the sso endpoint under sudo): fall back to web_url.
const NO_SSO = new Set([403, 404, 422])

// The URL that logs the user into the add-on's dashboard: a signed SSO GET link when the platform gives one,
// else the add-on's web_url (a POST login cannot be expressed as a URL to open).
export async function addonDashboardUrl(api: ApiClient, addon: Addon, app: string): Promise<string> {
  let login: SsoLogin | undefined
  try {
    login = await api.get<SsoLogin>(`/apps/${encodeURIComponent(app)}/addons/${encodeURIComponent(addon.id)}/sso`)
  } catch (error) {
    if (!isApiError(error) || !NO_SSO.has(error.status)) throw error
  }
  if (login?.method === 'get' && login.action) return withParams(login.action, login.params ?? {})
  if (addon.web_url) return addon.web_url
  throw new AddonkitError(`${addon.name} has no dashboard.`)
}

function withParams(action: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString()
  if (!query) return action
  return `${action}${action.includes('?') ? '&' : '?'}${query}`
}
