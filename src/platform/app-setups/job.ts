import {generateSecret, missingRequiredEnv, parseAppJson, type AddonSpec, type AppJsonManifest} from '../../wire/app-json.js'
import type {Job} from '../jobs/queue.js'
import type {JobHandler} from '../jobs/worker.js'
import type {AddonsService} from '../services/addons.js'
import type {AppsService} from '../services/apps.js'
import type {ConfigVarsService} from '../services/config-vars.js'
import {now, type Actor, type ServiceContext} from '../services/context.js'
import {PlatformError} from '../services/errors.js'
import type {AppSetupRow} from '../store/schema.js'
import {readSourceAppJson, SourceUnavailable} from './source.js'

export const APP_SETUP_JOB = 'app-setup'
export const setupJobKey = (setupId: string) => `app-setup:${setupId}`

export interface AppSetupJob {
  setup_id: string
}

// The 'app-setup' job: one step per run, so that no run holds its claim longer than one provider call
// (a setup with ten add-ons would outlast any lease). A step records its outcome in the setup row and
// asks for the job again (a keyed job asked for while it runs runs once more at once), so a setup
// is worked on by one instance at a time and picks up where it stood after a crash. Steps:
//   1. read app.json from the source tarball; check it (every problem becomes a manifest error) and
//      that every required env var has a value;
//   2. create its add-ons, one per run, in app.json's order, through the add-ons service (the same
//      rules as POST /apps/{app}/addons);
//   3. set env (overrides first, then app.json's values, then generated secrets) in one release.
// A failed step marks the setup for roll-back: the app is destroyed (which deprovisions its add-ons)
// and only then is the setup `failed`, so a client that sees `failed` finds nothing left behind.
export class AppSetupJobHandler implements JobHandler<AppSetupJob> {
  readonly kind = APP_SETUP_JOB
  // a database that keeps failing, or a provider that keeps refusing DELETEs during a roll-back
  readonly maxAttempts = 12

  constructor(
    private readonly ctx: ServiceContext,
    private readonly apps: AppsService,
    private readonly addons: AddonsService,
    private readonly configVars: ConfigVarsService,
  ) {}

  backoffMs(attempts: number): number {
    return Math.min(1000 * 2 ** attempts, 5 * 60_000)
  }

  async run(payload: AppSetupJob, _job: Job<AppSetupJob>): Promise<void> {
    const setup = await this.load(payload.setup_id)
    if (!setup || setup.status !== 'pending') return
    const actor = await this.ctx.store.db.selectFrom('accounts').selectAll().where('id', '=', setup.owner_id).executeTakeFirst()
    if (!actor) return this.finish(setup, {status: 'failed', failure_message: 'The account that asked for this setup no longer exists.'})
    if (setup.rolling_back) return this.rollBack(setup, actor)
    if (setup.manifest === null) return this.readManifest(setup)
    const manifest = JSON.parse(setup.manifest) as AppJsonManifest
    if (setup.next_addon < manifest.addons.length) return this.createAddon(setup, actor, manifest.addons[setup.next_addon])
    return this.setEnv(setup, actor, manifest)
  }

  // Retried until maxAttempts and still failing: say so, and leave what exists for the user to see.
  async givenUp(payload: AppSetupJob, error: Error): Promise<void> {
    const setup = await this.load(payload.setup_id)
    if (!setup || setup.status !== 'pending') return
    const what = setup.rolling_back ? `${setup.failure_message ?? 'The setup failed'} Removing the app ${setup.app_name} failed too` : 'The platform could not finish this setup'
    await this.finish(setup, {status: 'failed', failure_message: `${what}: ${error.message}`})
  }

  private async readManifest(setup: AppSetupRow): Promise<void> {
    let text: string
    try {
      text = await readSourceAppJson({url: setup.source_url, checksum: setup.source_checksum})
    } catch (error) {
      if (error instanceof SourceUnavailable) return this.fail(setup, `Could not read app.json: ${error.message}.`)
      throw error
    }
    const parsed = parseAppJson(text)
    if (!parsed.ok) return this.fail(setup, 'invalid app.json', parsed.errors)
    const overrides = this.overrides(setup)
    const missing = missingRequiredEnv(parsed.manifest.env, (name) => name in overrides)
    if (missing.length > 0) return this.fail(setup, 'invalid app.json', missing.map((name) => `config var ${name} is required`))
    await this.update(setup, {manifest: JSON.stringify(parsed.manifest), next_addon: 0, step_started: 0})
  }

  private async createAddon(setup: AppSetupRow, actor: Actor, spec: AddonSpec): Promise<void> {
    const label = `addons[${spec.index}] (${spec.plan ?? spec.service})`
    if (setup.step_started) {
      return this.fail(setup, `The setup was interrupted while creating ${label}: the platform instance working on it stopped.`)
    }
    await this.update(setup, {step_started: 1}, false)
    try {
      await this.addons.create(actor, setup.app_id, {
        plan: spec.plan ?? spec.service,
        ...(spec.name === null ? {} : {name: spec.name}),
        ...(spec.as === null ? {} : {attachmentName: spec.as}),
        config: spec.options,
      })
    } catch (error) {
      if (error instanceof PlatformError) return this.fail(setup, `${label} could not be created: ${error.message}`)
      throw error
    }
    await this.update(setup, {next_addon: setup.next_addon + 1, step_started: 0})
  }

  private async setEnv(setup: AppSetupRow, actor: Actor, manifest: AppJsonManifest): Promise<void> {
    const overrides = this.overrides(setup)
    const vars: Record<string, string> = {}
    for (const env of manifest.env) {
      const value = overrides[env.name] ?? env.value ?? (env.generator === 'secret' ? generateSecret() : null)
      if (value !== null) vars[env.name] = value
    }
    // overrides of vars app.json does not name are set too, as on Heroku
    Object.assign(vars, overrides)
    if (Object.keys(vars).length > 0) {
      try {
        const app = await this.apps.find(actor, setup.app_id)
        await this.configVars.update(actor, app, vars)
      } catch (error) {
        if (error instanceof PlatformError) return this.fail(setup, `The config vars could not be set: ${error.message}`)
        throw error
      }
    }
    await this.finish(setup, {status: 'succeeded'})
  }

  private async rollBack(setup: AppSetupRow, actor: Actor): Promise<void> {
    try {
      await this.apps.destroy(actor, setup.app_id)
    } catch (error) {
      // already gone (destroyed by its owner meanwhile): nothing left to remove
      if (!(error instanceof PlatformError && error.status === 404)) throw error
    }
    await this.finish(setup, {status: 'failed'})
  }

  // The setup failed: roll back on the next run (which begins at once), then report it failed.
  private async fail(setup: AppSetupRow, message: string, manifestErrors: string[] = []): Promise<void> {
    await this.update(setup, {rolling_back: 1, failure_message: message, manifest_errors: JSON.stringify(manifestErrors)})
  }

  private async finish(setup: AppSetupRow, changes: Pick<AppSetupRow, 'status'> & Partial<AppSetupRow>): Promise<void> {
    await this.update(setup, {...changes, overrides_env: null, rolling_back: 0, step_started: 0}, false)
  }

  // Records a step's outcome; `again` asks for the next step.
  private async update(setup: AppSetupRow, changes: Partial<AppSetupRow>, again = true): Promise<void> {
    await this.ctx.store.db.updateTable('app_setups').set({...changes, updated_at: now()}).where('id', '=', setup.id).execute()
    if (again) await this.ctx.jobs.enqueueKeyed(APP_SETUP_JOB, setupJobKey(setup.id), {setup_id: setup.id})
  }

  private load(id: string): Promise<AppSetupRow | undefined> {
    return this.ctx.store.db.selectFrom('app_setups').selectAll().where('id', '=', id).executeTakeFirst()
  }

  private overrides(setup: AppSetupRow): Record<string, string> {
    return setup.overrides_env === null ? {} : (JSON.parse(setup.overrides_env) as Record<string, string>)
  }
}
