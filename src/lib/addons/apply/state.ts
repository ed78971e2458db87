import type {ApiClient} from '../../api/client.js'
import type {Addon, Attachment, ConfigVars} from '../../api/types.js'
import type {AppState} from './plan.js'

// The app's add-ons, attachments and config vars: three requests, sent together, whatever the number
// of add-ons (lists of more than 1,000 follow Next-Range). Every answer is awaited, so a failure is
// reported the same way every time.
export async function readAppState(api: ApiClient, app: string): Promise<AppState> {
  const base = `/apps/${encodeURIComponent(app)}`
  const [addons, attachments, config] = await Promise.allSettled([
    api.list<Addon>(`${base}/addons`),
    api.list<Attachment>(`${base}/addon-attachments`),
    api.get<ConfigVars>(`${base}/config-vars`),
  ])
  for (const answer of [addons, attachments, config]) if (answer.status === 'rejected') throw answer.reason
  const value = <T>(answer: PromiseSettledResult<T>) => (answer as PromiseFulfilledResult<T>).value
  return {app, addons: value(addons), attachments: value(attachments), config: value(config)}
}
