import type {ApiClient} from '../api/client.js'
import type {AddonService} from '../api/types.js'
import {HEROKU_API_URL} from '../api/target.js'
import {resolveAddon} from '../addons/resolve.js'
import {isApiError, NotFoundError} from '../errors.js'

// Where a service's documentation lives: Dev Center on Heroku, the local platform's provider docs otherwise.
// The service is fetched first so a typo fails as "not found" instead of opening a dead page. An add-on
// (global name or an alias on `app`) stands for its service, as with the heroku CLI.
export async function serviceDocsUrl(api: ApiClient, serviceOrAddon: string, app?: string): Promise<string> {
  const service = await findService(api, serviceOrAddon, app)
  const base = api.target.url.replace(/\/+$/, '')
  if (new URL(base).hostname === new URL(HEROKU_API_URL).hostname) {
    return `https://devcenter.heroku.com/articles/${encodeURIComponent(service.name)}`
  }
  return `${base}/addon-services/${encodeURIComponent(service.name)}/docs`
}

async function findService(api: ApiClient, serviceOrAddon: string, app?: string): Promise<AddonService> {
  const slug = serviceOrAddon.split(':')[0]
  try {
    return await api.get<AddonService>(`/addon-services/${encodeURIComponent(slug)}`)
  } catch (error) {
    if (!isApiError(error) || error.status !== 404) throw error
    let addon
    try {
      addon = await resolveAddon(api, serviceOrAddon, app)
    } catch {
      throw new NotFoundError(`Couldn't find an add-on service or add-on named ${serviceOrAddon}.`)
    }
    return api.get<AddonService>(`/addon-services/${encodeURIComponent(addon.addon_service.id)}`)
  }
}
