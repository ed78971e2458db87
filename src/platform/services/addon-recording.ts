import {sql, type Insertable, type RawBuilder} from 'kysely'
import type {Tx} from '../store/database.js'
import {isPostgres} from '../store/dialect.js'
import type {AddonRow, AttachmentRow, BillingPeriodRow, ReleaseRow} from '../store/schema.js'
import {releaseContentsCte} from './releases.js'

export interface RecordInput {
  addonId: string
  // the add-on's columns as the provider's answer sets them
  changes: Partial<AddonRow>
  attachment: AttachmentRow
  period: Insertable<BillingPeriodRow>
  // the release the create cuts, if it cuts one, without its version and contents (PostgreSQL
  // writes it in the same statement; SQLite leaves it to cutRelease)
  release?: Pick<ReleaseRow, 'id' | 'description' | 'user_id' | 'created_at'>
}

export interface Recorded {
  // undefined: the reservation was no longer pending (another instance reclaimed it)
  row: AddonRow | undefined
  // PostgreSQL: the release as written, and the app's config bytes with the new attachment's
  release?: {row: ReleaseRow; configBytes: number}
}

// Makes a reserved add-on visible, in the caller's transaction (which holds the app's lock): its row
// updated while it is still pending, its attachment and its billing period written, all or nothing.
// PostgreSQL: one statement (a round trip each would be most of a create's time), which also takes
// the release's version from the app's counter and writes the release; a statement does not see its
// own writes, so the new attachment's plan and bytes are counted in by hand. SQLite: one statement
// each, which cost no round trip; cutRelease then does the rest.
export async function recordProvisioned(tx: Tx, input: RecordInput): Promise<Recorded> {
  const {addonId, changes, attachment, period, release} = input
  if (!isPostgres(tx)) {
    const row = await tx.updateTable('addons').set(changes).where('id', '=', addonId).where('state', '=', 'pending').returningAll().executeTakeFirst()
    if (!row) return {row}
    await tx.insertInto('attachments').values(attachment).execute()
    await tx.insertInto('billing_periods').values(period).execute()
    return {row}
  }
  const set = sql.join(Object.entries(changes).map(([column, value]) => sql`${sql.ref(column)} = ${value}`))
  const appId = attachment.app_id
  const released = release === undefined ? sql`` : sql`, ${releaseContentsCte(appId)},
    counted as (update apps set released_at = ${release.created_at}, last_release_version = last_release_version + 1 where id = ${appId} and exists (select 1 from updated) returning last_release_version),
    released as (
      insert into releases (id, app_id, version, description, user_id, addon_plan_names, config, created_at)
      select ${release.id}, ${appId}, last_release_version, ${release.description}, ${release.user_id},
        (select '[' || coalesce(string_agg(to_json(name)::text, ',' order by name), '') || ']' from plans where id in (select plan_id from app_plans) or id = ${period.plan_id}),
        (select '{' || coalesce(string_agg(to_json(name)::text || ':' || to_json(value)::text, ',' order by name), '') || '}' from config_vars where app_id = ${appId}),
        ${release.created_at}
      from counted returning *)`
  const readRelease = release === undefined ? sql`` : sql`
    union all select 'r', cast(row_to_json(released) as text) from released
    union all select 's', cast(coalesce((select sum(octet_length(name) + octet_length(value)) from config_vars where app_id = ${appId}), 0) + coalesce((select sum(bytes) from app_plans), 0) as text)`
  const {rows} = await sql<{kind: string; value: string}>`
    with updated as (update addons set ${set} where id = ${addonId} and state = 'pending' returning *),
    attached as (${insertFrom('attachments', attachment)}),
    billed as (${insertFrom('billing_periods', period)})${released}
    select 'u' as kind, cast(row_to_json(updated) as text) as value from updated${readRelease}`.execute(tx)
  const value = (kind: string) => rows.find((r) => r.kind === kind)?.value
  const updated = value('u')
  if (updated === undefined) return {row: undefined}
  const row = JSON.parse(updated) as AddonRow
  if (release === undefined) return {row}
  const aliasBytes = row.config_var_count * Buffer.byteLength(attachment.name) + row.config_bytes
  return {row, release: {row: JSON.parse(value('r')!) as ReleaseRow, configBytes: Number(value('s')) + aliasBytes}}
}

// INSERT … SELECT from the updated add-on: a row only when the update found it pending. Parameters
// in a select list are text to PostgreSQL, so numbers are cast (the column casts them back);
// nulls are left to the columns' defaults.
function insertFrom(table: 'attachments' | 'billing_periods', row: object): RawBuilder<unknown> {
  const entries = Object.entries(row).filter(([, value]) => value !== null && value !== undefined)
  const columns = sql.join(entries.map(([column]) => sql.ref(column)))
  const values = sql.join(entries.map(([, value]) => (typeof value === 'number' ? sql`cast(${value} as bigint)` : sql`${value}`)))
  return sql`insert into ${sql.table(table)} (${columns}) select ${values} from updated`
}
