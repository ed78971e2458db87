import {randomUUID} from 'node:crypto'
import {APP_JSON_ENV_NAME_PATTERN} from '../../wire/app-json.js'
import {wakeWorkerAfterCommit} from '../jobs/wake.js'
import type {AppCreateInput, AppsService} from '../services/apps.js'
import {now, type Actor, type ServiceContext} from '../services/context.js'
import {invalid, notFound} from '../services/errors.js'
import type {AppSetupRow} from '../store/schema.js'
import {APP_SETUP_JOB, setupJobKey} from './job.js'
import {checksumProblem, SOURCE_PROTOCOLS} from './source.js'

export interface AppSetupInput {
  app: AppCreateInput
  sourceUrl: string
  checksum?: string | null
  // overrides.env: set on the app, over app.json's values
  env: Record<string, string>
}

// POST /app-setups and GET /app-setups/{id}. The app is created at once (its name and region are
// checked while the caller waits, and the answer names it, as Heroku's does); everything app.json
// asks for is done by the 'app-setup' job (job.ts), queued in the same transaction as the setup row.
export class AppSetupsService {
  constructor(private readonly ctx: ServiceContext, private readonly apps: AppsService) {}

  async create(actor: Actor, input: AppSetupInput): Promise<AppSetupRow> {
    let url: URL
    try {
      url = new URL(input.sourceUrl)
    } catch {
      throw invalid(`source_blob.url ${JSON.stringify(input.sourceUrl)} is not a URL.`)
    }
    if (!SOURCE_PROTOCOLS.includes(url.protocol)) throw invalid(`source_blob.url must be an https, http or file URL, not ${url.protocol}.`)
    const checksum = input.checksum ?? null
    const badChecksum = checksum === null ? undefined : checksumProblem(checksum)
    if (badChecksum) throw invalid(badChecksum)
    const badNames = Object.keys(input.env).filter((name) => !APP_JSON_ENV_NAME_PATTERN.test(name))
    if (badNames.length > 0) throw invalid(`Invalid config var name in overrides.env: ${badNames.join(', ')}. Names may contain only letters, digits and underscores.`)

    const app = await this.apps.create(actor, input.app)
    const at = now()
    const row: AppSetupRow = {
      id: randomUUID(), owner_id: actor.id, app_id: app.id, app_name: app.name, source_url: url.href, source_checksum: checksum,
      overrides_env: JSON.stringify(input.env), status: 'pending', failure_message: null, manifest_errors: '[]', manifest: null,
      next_addon: 0, step_started: 0, rolling_back: 0, created_at: at, updated_at: at,
    }
    try {
      await this.ctx.store.transaction(async (tx) => {
        await tx.insertInto('app_setups').values(row).execute()
        await this.ctx.jobs.enqueueKeyed(APP_SETUP_JOB, setupJobKey(row.id), {setup_id: row.id}, tx)
        wakeWorkerAfterCommit(tx)
      })
    } catch (error) {
      // nothing will set this app up: it goes, as a failed setup's app does
      await this.apps.destroy(actor, app.id).catch(() => {})
      throw error
    }
    return row
  }

  async info(actor: Actor, id: string): Promise<AppSetupRow> {
    const row = await this.ctx.store.db.selectFrom('app_setups').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row || row.owner_id !== actor.id) throw notFound('app_setup', "Couldn't find that app setup.")
    return row
  }
}
