import type {AppSetup} from '../../wire/app-setup.js'
import type {AppSetupRow} from '../store/schema.js'

// Heroku's app-setup shape. There is no build and no postdeploy script here (the local platform runs
// no code), so those are null; so is resolved_success_url. failure_message and manifest_errors are
// given once the setup has failed, after what it created has been removed.
export function appSetupView(row: AppSetupRow): AppSetup {
  const failed = row.status === 'failed'
  return {
    id: row.id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    status: row.status,
    failure_message: failed ? row.failure_message : null,
    app: {id: row.app_id, name: row.app_name},
    build: null,
    manifest_errors: failed ? (JSON.parse(row.manifest_errors) as string[]) : [],
    postdeploy: null,
    resolved_success_url: null,
  }
}
