import {sql} from 'kysely'
import {configVarPrefix} from '../../providers/kit/manifest-types.js'
import type {Tx} from '../store/database.js'
import type {ServiceContext} from './context.js'
import {invalid} from './errors.js'

// As on Heroku: an app's config vars, names and values together, take at most 32 KB.
export const CONFIG_VARS_LIMIT_BYTES = 32 * 1024

// The apps whose config a change reaches: one app, or every app an add-on is attached to.
export type ConfigTarget = {appId: string} | {addonId: string}

// Run inside the write transaction, after the change is written: throws (so the transaction rolls
// back and nothing is kept) when an app's config vars would pass the limit.
export async function assertConfigFits(ctx: ServiceContext, tx: Tx, target: ConfigTarget): Promise<void> {
  for (const [appId, bytes] of await configBytes(ctx, tx, target)) {
    if (bytes <= CONFIG_VARS_LIMIT_BYTES) continue
    const app = await tx.selectFrom('apps').select('name').where('id', '=', appId).executeTakeFirst()
    throw invalid(`Config vars of ${app?.name ?? appId} would take ${bytes} bytes: an app's config vars (names and values) are limited to 32 KB (${CONFIG_VARS_LIMIT_BYTES} bytes) in all.`)
  }
}

// The UTF-8 bytes of each app's config vars as the app sees them: the user's own vars and those its
// attachments own (ALIAS_* from the add-on's config). One aggregate query however many add-ons the
// app has: the attachments' part is summed per (service, provider var), and only the name mapping
// (which depends on the service's prefix, known from the catalog) is applied here. A user var
// shadowed by an attachment's var of the same name counts too; the user can never create such a pair.
export async function configBytes(ctx: ServiceContext, tx: Tx, target: ConfigTarget): Promise<Map<string, number>> {
  const apps = 'appId' in target
    ? sql`(${target.appId})`
    : sql`(select app_id from attachments where addon_id = ${target.addonId})`
  // SQLite and PostgreSQL both list a JSON object's members as (key, value) rows; only the
  // function's name differs
  const members = ctx.store.dialect === 'postgres' ? sql`json_each_text(addons.config::json)` : sql`json_each(addons.config)`
  // user vars come back as rows with no service (their names are counted in value_bytes)
  const {rows} = await sql<{app_id: string; service_id: string | null; var: string | null; vars: number | string; alias_bytes: number | string | null; value_bytes: number | string | null}>`
    select app_id, null as service_id, null as var, 0 as vars, 0 as alias_bytes, sum(octet_length(name) + octet_length(value)) as value_bytes
    from config_vars where app_id in ${apps} group by app_id
    union all
    select attachments.app_id, addons.service_id, member.key, count(*), sum(octet_length(attachments.name)), sum(octet_length(member.value))
    from attachments join addons on addons.id = attachments.addon_id, ${members} as member
    where attachments.app_id in ${apps}
    group by attachments.app_id, addons.service_id, member.key`.execute(tx)

  const totals = new Map<string, number>()
  for (const row of rows) {
    let bytes = Number(row.value_bytes ?? 0)
    if (row.service_id !== null && row.var !== null) {
      const prefix = configVarPrefix(ctx.catalog.service(row.service_id).manifest)
      bytes += Number(row.alias_bytes ?? 0) + Number(row.vars) * nameBytesBeyondAlias(row.var, prefix)
    }
    totals.set(row.app_id, (totals.get(row.app_id) ?? 0) + bytes)
  }
  return totals
}

// An app var's name is its alias plus what this returns (see appVarName in attachment-vars.ts):
// PREFIX -> ALIAS, PREFIX_URL -> ALIAS_URL, OTHER -> ALIAS_OTHER.
function nameBytesBeyondAlias(providerVar: string, prefix: string): number {
  if (providerVar === prefix) return 0
  if (providerVar.startsWith(`${prefix}_`)) return Buffer.byteLength(providerVar) - Buffer.byteLength(prefix)
  return 1 + Buffer.byteLength(providerVar)
}
