import {randomUUID} from 'node:crypto'
import type {Db, Tx} from '../../store/database.js'
import type {LogDrainRow} from '../../store/schema.js'
import type {LogStream} from '../log-stream.js'

// The queries over log_drains: what the API, provisioning and delivery read and write.

// A drain with the names its JSON shows.
export interface DrainRecord extends LogDrainRow {
  app_name: string
  addon_name: string | null
  addon_app_id: string | null
  addon_app_name: string | null
}

export interface NewDrain {
  appId: string
  // the add-on whose provision answer named the URL; null for a drain a user added
  addonId: string | null
  url: string
  // an add-on's drain keeps the log_drain_token its provider was sent
  token?: string
}

export const newDrainToken = () => `d.${randomUUID()}`

// A new drain starts at the app's last line: it gets the lines written from its creation on.
// Undefined when the app already drains to that URL.
export async function insertDrain(tx: Tx, stream: LogStream, drain: NewDrain): Promise<LogDrainRow | undefined> {
  const at = new Date().toISOString()
  const row: LogDrainRow = {
    id: randomUUID(), app_id: drain.appId, addon_id: drain.addonId, url: drain.url, token: drain.token ?? newDrainToken(),
    delivered_seq: await stream.lastSeq(drain.appId, tx), delivered_at: null, batch_end_seq: null, batch_attempts: 0, created_at: at, updated_at: at,
  }
  const inserted = await tx.insertInto('log_drains').values(row).onConflict((oc) => oc.columns(['app_id', 'url']).doNothing()).returning('id').executeTakeFirst()
  return inserted ? row : undefined
}

export function drainRecords(db: Db | Tx) {
  return db.selectFrom('log_drains')
    .innerJoin('apps', 'apps.id', 'log_drains.app_id')
    .leftJoin('addons', 'addons.id', 'log_drains.addon_id')
    .leftJoin('apps as addon_apps', 'addon_apps.id', 'addons.app_id')
    .selectAll('log_drains')
    .select(['apps.name as app_name', 'addons.name as addon_name', 'addon_apps.id as addon_app_id', 'addon_apps.name as addon_app_name'])
}

// A drain of the app (or of the add-on) by its id, its URL or its token.
export async function findDrainRecord(db: Db | Tx, owner: {appId: string} | {addonId: string}, ref: string): Promise<DrainRecord | undefined> {
  const scoped = 'appId' in owner ? drainRecords(db).where('log_drains.app_id', '=', owner.appId) : drainRecords(db).where('log_drains.addon_id', '=', owner.addonId)
  return scoped.where((eb) => eb.or([eb('log_drains.id', '=', ref), eb('log_drains.url', '=', ref), eb('log_drains.token', '=', ref)])).executeTakeFirst()
}

export async function drainById(db: Db | Tx, id: string): Promise<LogDrainRow | undefined> {
  return db.selectFrom('log_drains').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function drainIdsOfApp(db: Db | Tx, appId: string): Promise<string[]> {
  return (await db.selectFrom('log_drains').select('id').where('app_id', '=', appId).execute()).map((row) => row.id)
}

// Part of an add-on's removal: its drains go with it.
export async function removeAddonDrains(tx: Tx, addonId: string): Promise<void> {
  await tx.deleteFrom('log_drains').where('addon_id', '=', addonId).execute()
}

// The batch ending at `endSeq` was delivered (or dropped). Compare-and-set on the line it started
// after: a delivery that overlapped this one (a claim that ran out) cannot move the drain twice.
export async function advanceDrain(db: Db, drain: LogDrainRow, endSeq: number): Promise<boolean> {
  const {numUpdatedRows} = await db.updateTable('log_drains')
    .set({delivered_seq: endSeq, delivered_at: new Date().toISOString(), batch_end_seq: null, batch_attempts: 0})
    .where('id', '=', drain.id).where('delivered_seq', '=', drain.delivered_seq)
    .executeTakeFirst()
  return numUpdatedRows > 0n
}

// A try of the batch ending at `endSeq` failed: the next try sends the same lines, with the same
// frame id, and knows how many tries are spent.
export async function recordFailedTry(db: Db, drain: LogDrainRow, endSeq: number, tries: number): Promise<boolean> {
  const {numUpdatedRows} = await db.updateTable('log_drains')
    .set({batch_end_seq: endSeq, batch_attempts: tries})
    .where('id', '=', drain.id).where('delivered_seq', '=', drain.delivered_seq)
    .executeTakeFirst()
  return numUpdatedRows > 0n
}
