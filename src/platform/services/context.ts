import type {Store} from '../store/database.js'
import type {AccountRow} from '../store/schema.js'
import type {ProviderClient} from '../provider-client/client.js'
import type {Catalog} from './catalog.js'

// What every domain service needs; built once by the server.
export interface ServiceContext {
  store: Store
  catalog: Catalog
  provider: ProviderClient
  // this platform's public URL (callback_url of provision requests); known only after listen()
  baseUrl(): string
  log(line: string): void
}

export type Actor = AccountRow

export const now = () => new Date().toISOString()
