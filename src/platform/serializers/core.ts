import type {Account, App, Generation, Region, Release, Space} from '../../wire/platform-api.js'
import type {Catalog} from '../services/catalog.js'
import {eligibleForRollback} from '../services/rollback-eligibility.js'
import type {Db} from '../store/database.js'
import type {AccountRow, AppRow, RegionRow, ReleaseRow, SpaceRow} from '../store/schema.js'

const STACK = {id: 'c5a0e5c4-8bd4-4a6f-9f6d-0e3b5a1c2d24', name: 'heroku-24'}
// Apps here run as on Heroku's Cedar generation (the one every Common Runtime app and add-on knows);
// the id is the local platform's own, fixed so that it never changes between answers.
export const GENERATION: Generation = {id: '3f0d9c6e-2b8a-4c1e-9a57-6d4e1b0c8f21', name: 'cedar'}

export function account(row: AccountRow): Account {
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

// The local platform has no teams: a space belongs to the account that made it, so that account is
// the space's team (Heroku's spaces always have one, and the heroku CLI prints its name). No network
// is ever built: the CIDRs are Heroku's defaults for a new space.
export async function spaces(db: Db, catalog: Catalog, rows: SpaceRow[]): Promise<Space[]> {
  const owners = await emails(db, rows.map((r) => r.owner_id))
  return rows.map((row) => {
    const r = catalog.region(row.region_id)
    const owner = owners.get(row.owner_id) ?? ''
    return {
      id: row.id, name: row.name, region: {id: r.id, name: r.name}, shield: row.shield === 1, state: 'allocated',
      team: {id: row.owner_id, name: owner}, organization: {name: owner}, cidr: '10.0.0.0/16', data_cidr: '10.1.0.0/16',
      generation: GENERATION, created_at: row.created_at, updated_at: row.updated_at,
    }
  })
}

async function emails(db: Db, accountIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds)]
  if (ids.length === 0) return new Map()
  return new Map((await db.selectFrom('accounts').select(['id', 'email']).where('id', 'in', ids).execute()).map((a) => [a.id, a.email]))
}

// Apps need their owner's email and space name: fetched once for the whole list.
export async function apps(db: Db, catalog: Catalog, rows: AppRow[]): Promise<App[]> {
  const spaceIds = [...new Set(rows.map((r) => r.space_id).filter((s): s is string => s !== null))]
  const owners = await emails(db, rows.map((r) => r.owner_id))
  const spaces = new Map(spaceIds.length === 0 ? [] : (await db.selectFrom('spaces').selectAll().where('id', 'in', spaceIds).execute()).map((s) => [s.id, s]))
  return rows.map((row) => {
    const r = catalog.region(row.region_id)
    const s = row.space_id ? spaces.get(row.space_id) : undefined
    return {
      id: row.id, name: row.name,
      owner: {id: row.owner_id, email: owners.get(row.owner_id) ?? ''},
      region: {id: r.id, name: r.name},
      space: s ? {id: s.id, name: s.name, shield: s.shield === 1} : null,
      team: null, organization: null, stack: STACK, build_stack: STACK, generation: GENERATION,
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

// Nothing is ever built or deployed here, so a release has no slug or other artifact; what a
// rollback restores is the user-set config vars the release recorded (eligibleForRollback).
export async function release(db: Db, rows: ReleaseRow[], appRow: AppRow): Promise<Release[]> {
  const users = await emails(db, rows.map((r) => r.user_id))
  const current = await db.selectFrom('releases').select('version').where('app_id', '=', appRow.id).orderBy('version', 'desc').limit(1).executeTakeFirst()
  return rows.map((row) => releaseView(row, appRow, users.get(row.user_id) ?? '', row.version === current?.version))
}

// One release from what the caller knows already (a release's webhook event: the release just cut,
// by the account making the change).
export function releaseView(row: ReleaseRow, app: Pick<AppRow, 'id' | 'name'>, userEmail: string, current: boolean): Release {
  return {
    id: row.id, version: row.version, description: row.description, status: 'succeeded', current,
    eligible_for_rollback: eligibleForRollback(row), app: {id: app.id, name: app.name}, user: {id: row.user_id, email: userEmail},
    slug: null, artifacts: [], addon_plan_names: JSON.parse(row.addon_plan_names), output_stream_url: null,
    created_at: row.created_at, updated_at: row.created_at,
  }
}
