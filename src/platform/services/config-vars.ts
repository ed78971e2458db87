import {lockApp} from '../store/database.js'
import type {AppRow} from '../store/schema.js'
import {attachmentOwnedVars} from './attachment-vars.js'
import type {Actor, ServiceContext} from './context.js'
import {invalid} from './errors.js'
import {cutRelease} from './releases.js'

const VAR_NAME = /^\w+$/

// An app's config = the user's own vars plus the vars its attachments own (attachments win; they
// can only collide after a provider config change, and the user is never allowed to create one).
export class ConfigVarsService {
  constructor(private readonly ctx: ServiceContext) {}

  async get(app: AppRow): Promise<Record<string, string>> {
    const db = this.ctx.store.db
    const user = await db.selectFrom('config_vars').select(['name', 'value']).where('app_id', '=', app.id).execute()
    const owned = await attachmentOwnedVars(db, this.ctx.catalog, app.id)
    const all: Record<string, string> = {}
    for (const v of user) all[v.name] = v.value
    for (const [name, v] of owned) all[name] = v.value
    return sortKeys(all)
  }

  async update(actor: Actor, app: AppRow, changes: Record<string, unknown>): Promise<Record<string, string>> {
    const names = Object.keys(changes)
    const bad = names.filter((n) => !VAR_NAME.test(n))
    if (bad.length > 0) throw invalid(`Invalid config var name: ${bad.join(', ')}. Names may contain only letters, digits and underscores.`)
    const nonString = names.filter((n) => changes[n] !== null && typeof changes[n] !== 'string')
    if (nonString.length > 0) throw invalid(`Config var values must be strings or null: ${nonString.join(', ')}.`)
    if (names.length === 0) return this.get(app)

    await this.ctx.store.transaction(async (tx) => {
      await lockApp(tx, app.id)
      const owned = await attachmentOwnedVars(tx, this.ctx.catalog, app.id)
      const clash = names.filter((n) => owned.has(n)).sort()
      if (clash.length > 0) throw invalid(`Cannot overwrite attachment values ${clash.join(', ')}.`)
      const set = names.filter((n) => changes[n] !== null)
      const existing = new Set((await tx.selectFrom('config_vars').select('name').where('app_id', '=', app.id).execute()).map((r) => r.name))
      const removed = names.filter((n) => changes[n] === null && existing.has(n))
      for (const name of set) {
        const value = changes[name] as string
        if (existing.has(name)) await tx.updateTable('config_vars').set({value}).where('app_id', '=', app.id).where('name', '=', name).execute()
        else await tx.insertInto('config_vars').values({app_id: app.id, name, value}).execute()
      }
      if (removed.length > 0) await tx.deleteFrom('config_vars').where('app_id', '=', app.id).where('name', 'in', removed).execute()
      // removing alone is always allowed, so an app over the limit can get back under it
      if (set.length > 0 || removed.length > 0) await cutRelease(tx, this.ctx.logs, app.id, actor, releaseDescription(set, removed), {checkConfigSize: set.length > 0})
    })
    return this.get(app)
  }
}

function releaseDescription(set: string[], removed: string[]): string {
  if (removed.length === 0) return `Set ${set.join(', ')} config vars`
  if (set.length === 0) return `Remove ${removed.join(', ')} config vars`
  return `Set ${set.join(', ')} and remove ${removed.join(', ')} config vars`
}

function sortKeys(vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
