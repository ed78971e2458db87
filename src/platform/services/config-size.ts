import {sql, type RawBuilder} from 'kysely'
import type {Tx} from '../store/database.js'
import {invalid} from './errors.js'

// As on Heroku: an app's config vars, names and values together, take at most 32 KB.
export const CONFIG_VARS_LIMIT_BYTES = 32 * 1024

// An attachment owns `config_var_count` names that begin with its alias, plus `config_bytes`.
const ATTACHMENT_BYTES = sql`sum(addons.config_var_count * octet_length(attachments.name) + addons.config_bytes)`

// The apps whose config a change reaches: one app, or every app an add-on is attached to.
export type ConfigTarget = {appId: string} | {addonId: string}

// Run inside the write transaction, after the change is written: throws (so the transaction rolls
// back and nothing is kept) when an app's config vars would pass the limit.
export async function assertConfigFits(tx: Tx, target: ConfigTarget): Promise<void> {
  for (const [appId, bytes] of await configBytes(tx, target)) await assertBytesFit(tx, appId, bytes)
}

// The same check when the caller has counted the bytes itself (a release reads the app's vars anyway).
export async function assertBytesFit(tx: Tx, appId: string, bytes: number): Promise<void> {
  if (bytes <= CONFIG_VARS_LIMIT_BYTES) return
  const app = await tx.selectFrom('apps').select('name').where('id', '=', appId).executeTakeFirst()
  throw invalid(`Config vars of ${app?.name ?? appId} would take ${bytes} bytes: an app's config vars (names and values) are limited to 32 KB (${CONFIG_VARS_LIMIT_BYTES} bytes) in all.`)
}

// The user-set vars' share, from the vars in hand: UTF-8 bytes, as octet_length counts them.
export function userVarBytes(vars: {name: string; value: string}[]): number {
  let bytes = 0
  for (const v of vars) bytes += Buffer.byteLength(v.name) + Buffer.byteLength(v.value)
  return bytes
}

// The attachments' share of one app by the add-ons' plans: one pass over the app's attachments gives
// a release both its plans and the bytes (as columns plan_id, bytes).
export function attachmentBytesByPlan(appId: string): RawBuilder<{plan_id: string; bytes: number | string}> {
  return sql`select addons.plan_id, ${ATTACHMENT_BYTES} as bytes from attachments join addons on addons.id = attachments.addon_id where attachments.app_id = ${appId} group by addons.plan_id`
}

// The UTF-8 bytes of each app's config vars as the app sees them: the user's own vars and those its
// attachments own (ALIAS_* from the add-on's config). Every add-on row carries its config's size
// apart from the alias (store/config-columns.ts, written with the config), so this is one aggregate of integers:
// an attachment owns `config_var_count` names that begin with its alias, plus `config_bytes`.
export async function configBytes(tx: Tx, target: ConfigTarget): Promise<Map<string, number>> {
  const apps = 'appId' in target
    ? sql`(${target.appId})`
    : sql`(select app_id from attachments where addon_id = ${target.addonId})`
  const {rows} = await sql<{app_id: string; bytes: number | string | null}>`
    select app_id, sum(octet_length(name) + octet_length(value)) as bytes
    from config_vars where app_id in ${apps} group by app_id
    union all
    select attachments.app_id, ${ATTACHMENT_BYTES}
    from attachments join addons on addons.id = attachments.addon_id
    where attachments.app_id in ${apps}
    group by attachments.app_id`.execute(tx)
  const totals = new Map<string, number>()
  for (const row of rows) totals.set(row.app_id, (totals.get(row.app_id) ?? 0) + Number(row.bytes ?? 0))
  return totals
}
