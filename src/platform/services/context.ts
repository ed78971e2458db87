import type {Instance} from '../jobs/instances.js'
import type {LogStream} from '../logs/log-stream.js'
import type {JobQueue} from '../jobs/queue.js'
import type {Store} from '../store/database.js'
import type {AccountRow} from '../store/schema.js'
import type {ProviderClient} from '../provider-client/client.js'
import type {Catalog} from './catalog.js'

// What every domain service needs; built once by the server.
export interface ServiceContext {
  store: Store
  catalog: Catalog
  provider: ProviderClient
  // this platform process among the instances sharing the store
  instance: Instance
  // background work, claimed once across instances
  jobs: JobQueue
  // each app's log stream (releases and add-on changes write to it)
  logs: LogStream
  // this platform's public URL (callback_url of provision requests); known only after listen()
  baseUrl(): string
  log(line: string): void
  // the time billing counts by (plan periods, usage months, invoices); tests set it to cross month
  // ends. Default: the system clock
  clock?: () => Date
}

export type Actor = AccountRow

export const now = () => new Date().toISOString()
