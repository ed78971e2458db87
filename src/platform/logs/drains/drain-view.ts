import type {LogDrain} from '../../../wire/platform-api.js'
import type {DrainRecord} from './drain-rows.js'

// The log-drain resource of Heroku's Platform API.
export function logDrainView(drain: DrainRecord): LogDrain {
  return {
    id: drain.id,
    url: drain.url,
    token: drain.token,
    addon: drain.addon_id !== null && drain.addon_name !== null
      ? {id: drain.addon_id, name: drain.addon_name, app: {id: drain.addon_app_id ?? drain.app_id, name: drain.addon_app_name ?? drain.app_name}}
      : null,
    app: {id: drain.app_id, name: drain.app_name},
    created_at: drain.created_at,
    updated_at: drain.updated_at,
  }
}
