import type {ApiClient} from '../api/client.js'
import type {AddonService} from '../api/types.js'
import {HEROKU_API_URL} from '../api/target.js'

// Where a service's documentation lives: Dev Center on Heroku, the local platform's provider docs otherwise.
// The service is fetched first so a typo fails as "not found" instead of opening a dead page.
export async function serviceDocsUrl(api: ApiClient, serviceOrPlan: string): Promise<string> {
  const slug = serviceOrPlan.split(':')[0]
  const service = await api.get<AddonService>(`/addon-services/${encodeURIComponent(slug)}`)
  const base = api.target.url.replace(/\/+$/, '')
  if (new URL(base).hostname === new URL(HEROKU_API_URL).hostname) {
    return `https://devcenter.heroku.com/articles/${encodeURIComponent(service.name)}`
  }
  return `${base}/addon-services/${encodeURIComponent(service.name)}/docs`
}
