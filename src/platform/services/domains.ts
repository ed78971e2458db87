import {createHash, randomUUID} from 'node:crypto'
import {lockApp, type Db, type Tx} from '../store/database.js'
import {fetchPage, type Page, type PageRequest} from '../store/paging.js'
import type {AppRow, DomainRow} from '../store/schema.js'
import {now, type Actor, type ServiceContext} from './context.js'
import {defaultHostname, generateDnsTarget, hostnameProblem, normalizeHostname} from './domain-names.js'
import {appNotFound, invalid, notFound} from './errors.js'
import {findApp} from './lookup.js'
import {findReadableApp, type AppReader} from './partner-scope.js'
import {publishDomain} from '../webhooks/entities.js'

export const domainNotFound = () => notFound('domain', "Couldn't find that domain.")

export interface DomainCreateInput {
  hostname: string
  // Heroku's SNI endpoint (certificate) for the domain; the local platform terminates no TLS and has none
  sniEndpoint?: string | null
}

export interface AppDomain {
  app: AppRow
  domain: DomainRow
}

const RANGE_COLUMNS = {
  id: {column: 'id', key: (d: DomainRow) => d.id},
  hostname: {column: 'hostname', key: (d: DomainRow) => d.hostname},
}

// An app's domains: its default one, computed from the app (so it follows a rename, needs no row,
// and cannot be removed), and the custom ones its owner adds (read by the owner, and by the providers of
// add-ons attached to the app), stored with hostnames unique across the
// platform. Creating and removing a custom domain happen here and nowhere else, each in one
// transaction (the place for an `api:domain` event to be written with the change).
export class DomainsService {
  constructor(private readonly ctx: ServiceContext) {}

  // The default domain leads the first page, as on Heroku; the custom ones follow in Range order. A
  // Next-Range starting after nothing (`id ]..`) means "after the default domain": the custom ones
  // from their first.
  async list(reader: AppReader, appRef: string, page: PageRequest): Promise<{app: AppRow; page: Page<DomainRow>}> {
    const db = this.ctx.store.db
    const app = await findReadableApp(db, reader, appRef)
    const custom = db.selectFrom('domains').selectAll().where('app_id', '=', app.id)
    const first = (page.start === undefined || page.start === '') && !page.startExclusive
    if (!first) return {app, page: await fetchPage(custom, page, RANGE_COLUMNS)}
    const lead = defaultDomain(app)
    const key = RANGE_COLUMNS[page.field as keyof typeof RANGE_COLUMNS].key
    if (page.max === 1) {
      const more = await db.selectFrom('domains').select('id').where('app_id', '=', app.id).limit(1).executeTakeFirst()
      return {app, page: {items: [lead], page, firstKey: key(lead), lastKey: key(lead), nextStart: more ? '' : undefined}}
    }
    const rest = await fetchPage(custom, {...page, max: page.max - 1}, RANGE_COLUMNS)
    return {app, page: {...rest, page, items: [lead, ...rest.items], firstKey: key(lead), lastKey: rest.lastKey ?? key(lead)}}
  }

  async info(reader: AppReader, appRef: string, domainRef: string): Promise<AppDomain> {
    const app = await findReadableApp(this.ctx.store.db, reader, appRef)
    return {app, domain: await findDomain(this.ctx.store.db, app, domainRef)}
  }

  async create(actor: Actor, appRef: string, input: DomainCreateInput): Promise<AppDomain> {
    const app = await findApp(this.ctx.store.db, actor, appRef)
    if (input.sniEndpoint !== undefined && input.sniEndpoint !== null) {
      throw invalid(`This platform has no SNI endpoints, so ${input.sniEndpoint} cannot serve a domain: send sni_endpoint null.`)
    }
    const hostname = normalizeHostname(input.hostname)
    const problem = hostnameProblem(hostname)
    if (problem) throw invalid(problem)
    const domain = await this.ctx.store.transaction(async (tx) => {
      // holds off a concurrent destroy of the app, which would leave this hostname taken by nobody
      await lockApp(tx, app.id)
      if (!(await tx.selectFrom('apps').select('id').where('id', '=', app.id).executeTakeFirst())) throw appNotFound()
      const holder = await tx.selectFrom('domains')
        .leftJoin('apps', 'apps.id', 'domains.app_id')
        .select(['domains.app_id', 'apps.name as app_name', 'apps.owner_id'])
        .where('domains.hostname', '=', hostname)
        .executeTakeFirst()
      if (holder) throw invalid(takenMessage(hostname, app, actor, holder))
      const at = now()
      // nothing to set up locally: the DNS target is ready as soon as it is named
      const row: DomainRow = {
        id: randomUUID(), app_id: app.id, hostname, kind: 'custom', cname: generateDnsTarget(), status: 'succeeded',
        acm_status: null, acm_status_reason: null, created_at: at, updated_at: at,
      }
      await tx.insertInto('domains').values(row).execute()
      await publishDomain(tx, 'create', actor, app, row)
      return row
    })
    return {app, domain}
  }

  async destroy(actor: Actor, appRef: string, domainRef: string): Promise<AppDomain> {
    const app = await findApp(this.ctx.store.db, actor, appRef)
    const domain = await this.ctx.store.transaction(async (tx) => {
      const row = await findDomain(tx, app, domainRef)
      if (row.kind === 'heroku') throw invalid(`${row.hostname} is the default domain of ${app.name}: it cannot be removed.`)
      const removed = await tx.deleteFrom('domains').where('id', '=', row.id).executeTakeFirst()
      // a concurrent remove got there first
      if (Number(removed.numDeletedRows) === 0) throw domainNotFound()
      await publishDomain(tx, 'destroy', actor, app, row)
      return row
    })
    return {app, domain}
  }
}

// Part of an app's destroy transaction: its custom domains go with it, freeing their hostnames.
export async function removeAppDomains(tx: Tx, appId: string): Promise<void> {
  await tx.deleteFrom('domains').where('app_id', '=', appId).execute()
}

// The app's default domain, as a row: kind `heroku`, no DNS target to point at, status `none` (what
// Heroku answers for an app's own domain), and an id derived from the app's so it never changes.
export function defaultDomain(app: AppRow): DomainRow {
  return {
    id: defaultDomainId(app.id), app_id: app.id, hostname: defaultHostname(app.name), kind: 'heroku', cname: null, status: 'none',
    acm_status: null, acm_status_reason: null, created_at: app.created_at, updated_at: app.updated_at,
  }
}

// A name-based UUID (version 5 layout) of the app's id.
export function defaultDomainId(appId: string): string {
  const hash = createHash('sha1').update(`addonkit default domain:${appId}`).digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

// By id or hostname (any case, with or without the trailing dot), among the app's own domains only.
async function findDomain(db: Db | Tx, app: AppRow, ref: string): Promise<DomainRow> {
  const lead = defaultDomain(app)
  const hostname = normalizeHostname(ref)
  if (ref === lead.id || hostname === lead.hostname) return lead
  const row = await db.selectFrom('domains').selectAll()
    .where('app_id', '=', app.id)
    .where((eb) => eb.or([eb('id', '=', ref), eb('hostname', '=', hostname)]))
    .executeTakeFirst()
  if (!row) throw domainNotFound()
  return row
}

// Says the hostname is taken; names the app holding it only when the caller owns that app.
export function takenMessage(hostname: string, app: Pick<AppRow, 'id' | 'name'>, actor: Pick<Actor, 'id'>, holder: {app_id: string; app_name: string | null; owner_id: string | null}): string {
  if (holder.app_id === app.id) return `${hostname} is already a domain of ${app.name}.`
  if (holder.owner_id === actor.id && holder.app_name) return `${hostname} is already taken by your app ${holder.app_name}.`
  return `${hostname} is already taken by another app.`
}
