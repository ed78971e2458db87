import type {Account, App, Region, Release, Space} from '../../lib/api/types.js'
import type {Catalog} from '../services/catalog.js'
import type {Db} from '../store/database.js'
import type {AccountRow, AppRow, RegionRow, ReleaseRow, SpaceRow} from '../store/schema.js'

export function account(row: AccountRow): Account & Record<string, unknown> {
  return {
    id: row.id, email: row.email, name: row.name, created_at: row.created_at, updated_at: row.updated_at,
    allow_tracking: true, beta: false, verified: false, federated: false, two_factor_authentication: false,
    last_login: null, sms_number: null, suspended_at: null, delinquent_at: null, country_of_residence: null,
    default_team: null, default_organization: null, identity_provider: null,
  }
}

export function region(row: RegionRow): Region {
  return {
    id: row.id, name: row.name, description: row.description, country: row.country, locale: row.locale,
    private_capable: row.private_capable === 1, provider: {name: row.provider_name, region: row.provider_region},
    created_at: row.created_at, updated_at: row.updated_at,
  }
}

export function space(row: SpaceRow, catalog: Catalog): Space {
  const r = catalog.region(row.region_id)
  return {
    id: row.id, name: row.name, region: {id: r.id, name: r.name}, shield: row.shield === 1, state: 'allocated',
    team: null, created_at: row.created_at, updated_at: row.updated_at,
  }
}

const STACK = {id: 'c5a0e5c4-8bd4-4a6f-9f6d-0e3b5a1c2d24', name: 'heroku-24'}

// Apps need their owner's email and space name: fetched once for the whole list.
export async function apps(db: Db, catalog: Catalog, rows: AppRow[]): Promise<App[]> {
  const ownerIds = [...new Set(rows.map((r) => r.owner_id))]
  const spaceIds = [...new Set(rows.map((r) => r.space_id).filter((s): s is string => s !== null))]
  const owners = new Map(ownerIds.length === 0 ? [] : (await db.selectFrom('accounts').select(['id', 'email']).where('id', 'in', ownerIds).execute()).map((o) => [o.id, o]))
  const spaces = new Map(spaceIds.length === 0 ? [] : (await db.selectFrom('spaces').selectAll().where('id', 'in', spaceIds).execute()).map((s) => [s.id, s]))
  return rows.map((row) => {
    const r = catalog.region(row.region_id)
    const s = row.space_id ? spaces.get(row.space_id) : undefined
    return {
      id: row.id, name: row.name,
      owner: {id: row.owner_id, email: owners.get(row.owner_id)?.email ?? ''},
      region: {id: r.id, name: r.name},
      space: s ? {id: s.id, name: s.name, shield: s.shield === 1} : null,
      team: null, organization: null, stack: STACK, build_stack: STACK,
      // the local platform runs no router or git server: these name the app on the reserved .localhost
      // domain so they can never lead to somebody else's real app
      web_url: `http://${row.name}.localhost/`, git_url: `http://git.localhost/${row.name}.git`,
      maintenance: row.maintenance === 1, released_at: row.released_at, created_at: row.created_at, updated_at: row.updated_at,
      acm: false, archived_at: null, buildpack_provided_description: null, internal_routing: null,
      // nothing is ever pushed here: an empty repository (the heroku CLI prints it as a size, 0 B) and no slug
      repo_size: 0, slug_size: null,
    }
  })
}

export async function release(db: Db, rows: ReleaseRow[], appRow: AppRow): Promise<Release[]> {
  const userIds = [...new Set(rows.map((r) => r.user_id))]
  const users = new Map(userIds.length === 0 ? [] : (await db.selectFrom('accounts').select(['id', 'email']).where('id', 'in', userIds).execute()).map((u) => [u.id, u]))
  const current = await db.selectFrom('releases').select('version').where('app_id', '=', appRow.id).orderBy('version', 'desc').limit(1).executeTakeFirst()
  return rows.map((row) => ({
    id: row.id, version: row.version, description: row.description, status: 'succeeded', current: row.version === current?.version,
    app: {id: appRow.id, name: appRow.name}, user: {id: row.user_id, email: users.get(row.user_id)?.email ?? ''}, slug: null,
    addon_plan_names: JSON.parse(row.addon_plan_names), output_stream_url: null, created_at: row.created_at, updated_at: row.created_at,
  }))
}
