import type {ApiClient} from '../api/client.js'
import type {Domain} from '../api/types.js'

const domainsPath = (app: string) => `/apps/${encodeURIComponent(app)}/domains`
const domainPath = (app: string, hostname: string) => `${domainsPath(app)}/${encodeURIComponent(hostname)}`

// Every domain of the app, the default (`heroku`) one first.
export function listDomains(api: ApiClient, app: string): Promise<Domain[]> {
  return api.list<Domain>(domainsPath(app))
}

export function getDomain(api: ApiClient, app: string, hostname: string): Promise<Domain> {
  return api.get<Domain>(domainPath(app, hostname))
}

// No SNI endpoint: Heroku's schema wants the field present, and null leaves certificates out of it.
export function addDomain(api: ApiClient, app: string, hostname: string): Promise<Domain> {
  return api.post<Domain>(domainsPath(app), {hostname, sni_endpoint: null})
}

export function removeDomain(api: ApiClient, app: string, hostname: string): Promise<Domain> {
  return api.delete<Domain>(domainPath(app, hostname))
}
