import type {ListReader} from './http.js'

// The platform lists completion reads, each one request (two for an app's add-ons), with only the
// fields it shows kept: names and a short description. Paths are the Platform API's, so completion
// works against Heroku as against the local platform.

export type ListKey =
  | {kind: 'apps'}
  // an app's add-ons and attachments; without an app, every add-on of the account
  | {kind: 'addons'; app?: string}
  | {kind: 'services'}
  | {kind: 'plans'; service: string}
  // names only: values never leave the platform for completion
  | {kind: 'config'; app: string}
  | {kind: 'regions'}
  | {kind: 'spaces'}

export interface Named {
  name: string
  description?: string
}

export interface AppAddons {
  addons: Array<{name: string; plan: string; service: string}>
  attachments: Array<{name: string; addon: string}>
}

export type ListValue<K extends ListKey> = K extends {kind: 'addons'} ? AppAddons : Named[]

export function listName(key: ListKey): string {
  switch (key.kind) {
    case 'addons': return `addons:${key.app ?? ''}`
    case 'plans': return `plans:${key.service}`
    case 'config': return `config:${key.app}`
    default: return key.kind
  }
}

const app = (name: string) => `/apps/${encodeURIComponent(name)}`

export async function fetchList(api: ListReader, key: ListKey, signal: AbortSignal): Promise<Named[] | AppAddons> {
  const get = <T>(path: string) => api.list<T>(path, {signal})
  switch (key.kind) {
    case 'apps':
      return (await get<{name: string; region?: {name?: string}}>('/apps')).map((a) => ({name: a.name, description: a.region?.name}))
    case 'addons': {
      type AddonBody = {name: string; plan?: {name?: string}; addon_service?: {name?: string}}
      const addonsPath = key.app ? `${app(key.app)}/addons` : '/addons'
      const [addons, attachments] = await Promise.all([
        get<AddonBody>(addonsPath),
        key.app ? get<{name: string; addon?: {name?: string}}>(`${app(key.app)}/addon-attachments`) : Promise.resolve([]),
      ])
      return {
        addons: addons.map((a) => ({name: a.name, plan: a.plan?.name ?? '', service: a.addon_service?.name ?? a.plan?.name?.split(':')[0] ?? ''})),
        attachments: attachments.map((a) => ({name: a.name, addon: a.addon?.name ?? ''})),
      }
    }
    case 'services':
      return (await get<{name: string; human_name?: string}>('/addon-services')).map((s) => ({name: s.name, description: s.human_name}))
    case 'plans':
      return (await get<{name: string; human_name?: string}>(`/addon-services/${encodeURIComponent(key.service)}/plans`)).map((p) => ({name: p.name, description: p.human_name}))
    case 'config': {
      const vars = await api.get<Record<string, string>>(`${app(key.app)}/config-vars`, {signal})
      return Object.keys(vars).sort().map((name) => ({name}))
    }
    case 'regions':
      return (await get<{name: string; description?: string}>('/regions')).map((r) => ({name: r.name, description: r.description}))
    case 'spaces':
      return (await get<{name: string}>('/spaces')).map((s) => ({name: s.name}))
  }
}
