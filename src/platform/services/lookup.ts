import type {Db, Tx} from '../store/database.js'
import type {AddonRow, AppRow} from '../store/schema.js'
import type {Actor} from './context.js'
import {addonNotFound, appNotFound, forbidden} from './errors.js'

// Lookups by "id or name", with the visibility rules: another owner's app is forbidden (403),
// another owner's add-on does not exist for you (404).

export async function findApp(db: Db | Tx, actor: Actor, ref: string): Promise<AppRow> {
  const app = await db.selectFrom('apps').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
  if (!app) throw appNotFound()
  if (app.owner_id !== actor.id) throw forbidden(`You do not have access to the app ${app.name}.`)
  return app
}

export async function findAppOrNull(db: Db | Tx, actor: Actor, ref: string): Promise<AppRow | undefined> {
  const app = await db.selectFrom('apps').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)])).executeTakeFirst()
  return app && app.owner_id === actor.id ? app : undefined
}

export async function findAddon(db: Db | Tx, actor: Actor, ref: string): Promise<AddonRow> {
  const addon = await findAddonOrNull(db, actor, ref)
  if (!addon) throw addonNotFound()
  return addon
}

export async function findAddonOrNull(db: Db | Tx, actor: Actor, ref: string): Promise<AddonRow | undefined> {
  const addon = await db.selectFrom('addons')
    .innerJoin('apps', 'apps.id', 'addons.app_id')
    .selectAll('addons')
    .where((eb) => eb.or([eb('addons.id', '=', ref), eb('addons.name', '=', ref)]))
    .where('addons.state', '!=', 'pending')
    .where('apps.owner_id', '=', actor.id)
    .executeTakeFirst()
  return addon
}

export async function addonById(db: Db | Tx, id: string): Promise<AddonRow | undefined> {
  return db.selectFrom('addons').selectAll().where('id', '=', id).where('state', '!=', 'pending').executeTakeFirst()
}
