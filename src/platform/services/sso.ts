import type {SsoLogin} from '../../wire/platform-api.js'
import {ssoToken, userScopedSsoToken, verifySsoToken} from '../../providers/kit/sso-token.js'
import {providerSsoTarget} from '../provider-client/urls.js'
import type {AddonsService} from './addons.js'
import type {Actor, ServiceContext} from './context.js'
import {invalid} from './errors.js'

type Fields = Record<string, string>

// What the browser-facing login page does with a signed link.
export type SsoLoginPage =
  | {kind: 'post'; action: string; fields: Fields; addonName: string}
  | {kind: 'redirect'; url: string}
  | {kind: 'refused'; status: 403 | 404; reason: string}

/**
 * Single sign-on in two steps. `login` (bearer-authenticated) signs a link to this platform's login
 * page; the page (opened by a browser, so without a bearer token) checks the signature and freshness
 * and hands the same signed fields to the provider. Tokens are sha1("<id>:<sso_salt>:<timestamp>"):
 * `token` over the provider's id, `resource_token` over the add-on's uuid, as providers expect; and
 * `user_scoped_resource_token`, sha256 over the uuid, salt, timestamp, user id and email, so neither
 * the user nor the email in the link can be changed either. A link is therefore only as good as one
 * the provider itself would accept, and only for 5 minutes.
 */
export class SsoService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly addons: AddonsService,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  // nav-data's list: the services attached to the app, this one marked current, so a provider's
  // dashboard can draw the app's add-on navigation as Heroku's does
  private async navAddons(appId: string, currentServiceId: string): Promise<{slug: string; name: string; current?: true}[]> {
    const rows = await this.ctx.store.db.selectFrom('attachments')
      .innerJoin('addons', 'addons.id', 'attachments.addon_id')
      .select('addons.service_id')
      .distinct()
      .where('attachments.app_id', '=', appId)
      .execute()
    return rows
      .map(({service_id: id}) => this.ctx.catalog.service(id).row)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((row) => ({slug: row.name, name: row.human_name, ...(row.id === currentServiceId ? {current: true as const} : {})}))
  }

  async login(actor: Actor, appRef: string, addonRef: string): Promise<SsoLogin> {
    const addon = await this.addons.info(actor, appRef, addonRef)
    const service = this.ctx.catalog.service(addon.service_id)
    const salt = service.manifest.api.sso_salt
    if (!salt) throw invalid(`${service.row.name} has no single sign-on.`)
    const providerId = addon.provider_id ?? addon.id
    const timestamp = String(this.nowSeconds())
    const app = await this.ctx.store.db.selectFrom('apps').select('name').where('id', '=', addon.app_id).executeTakeFirstOrThrow()
    const navData = Buffer.from(JSON.stringify({addon: service.row.human_name, appname: app.name, addons: await this.navAddons(addon.app_id, service.row.id)})).toString('base64url')
    return {
      method: 'get',
      action: `${this.ctx.baseUrl().replace(/\/+$/, '')}/addons/${encodeURIComponent(addon.id)}/sso-login`,
      params: {
        id: providerId,
        token: ssoToken(providerId, salt, timestamp),
        timestamp,
        email: actor.email,
        user_id: actor.id,
        app: app.name,
        context_app: app.name,
        resource_id: addon.id,
        resource_token: ssoToken(addon.id, salt, timestamp),
        user_scoped_resource_token: userScopedSsoToken(addon.id, salt, timestamp, {id: actor.id, email: actor.email}),
        'nav-data': navData,
      },
    }
  }

  // The add-on a browser wants to sign in to, with its service's salt; refused when it is gone or
  // its service has no single sign-on.
  private async signInTarget(addonId: string) {
    const addon = await this.ctx.store.db.selectFrom('addons').selectAll().where('id', '=', addonId).executeTakeFirst()
    if (!addon || addon.state === 'deprovisioned') return refused(404, 'This add-on does not exist (any more).')
    const service = this.ctx.catalog.service(addon.service_id)
    const salt = service.manifest.api.sso_salt
    if (!salt) return refused(404, `${service.row.human_name} has no dashboard to sign in to.`)
    return {addon, service, salt}
  }

  // `query` is the login page's query string as parsed, untrusted: only the tokens vouch for it.
  async loginPage(addonId: string, query: Record<string, unknown>): Promise<SsoLoginPage> {
    const found = await this.signInTarget(addonId)
    if ('kind' in found) return found
    const {addon, service, salt} = found

    const fields = stringFields(query)
    const {token, resource_token: resourceToken, user_scoped_resource_token: userToken, user_id: userId, email, timestamp} = fields
    if (!token || !resourceToken || !userToken || !userId || !email || !timestamp) {
      return refused(403, 'The single sign-on link is incomplete: open the add-on again.')
    }
    // The ids come from the add-on row, never from the link, and all three tokens are checked (in
    // constant time) before the age, so a forged link learns nothing about the clock.
    const providerId = addon.provider_id ?? addon.id
    const now = this.nowSeconds()
    const verdicts = [
      verifySsoToken({resourceId: providerId, token, timestamp}, salt, now),
      verifySsoToken({resourceId: addon.id, token: resourceToken, timestamp}, salt, now),
      verifySsoToken({resourceId: addon.id, token: userToken, timestamp, user: {id: userId, email}}, salt, now),
    ]
    if (verdicts.includes('bad-token')) return refused(403, 'The single sign-on token is not valid.')
    if (verdicts.includes('stale')) return refused(403, 'The single sign-on link has expired: open the add-on again.')

    const signed = {...fields, id: providerId, resource_id: addon.id}
    const target = providerSsoTarget(service.manifest, providerId)
    if (target.method === 'post') return {kind: 'post', action: target.action, fields: signed, addonName: service.row.human_name}
    // Legacy GET providers (kensa's GET mode) take the id in the path, the rest in the query.
    const legacyQuery = new URLSearchParams(signed)
    legacyQuery.delete('id')
    const separator = target.action.includes('?') ? '&' : '?'
    return {kind: 'redirect', url: `${target.action}${separator}${legacyQuery}`}
  }
}

function refused(status: 403 | 404, reason: string): Extract<SsoLoginPage, {kind: 'refused'}> {
  return {kind: 'refused', status, reason}
}

// A repeated query key arrives as an array: such a field is ambiguous, so it is dropped.
function stringFields(query: Record<string, unknown>): Fields {
  const fields: Fields = {}
  for (const [name, value] of Object.entries(query)) if (typeof value === 'string') fields[name] = value
  return fields
}
