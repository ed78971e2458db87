import {createHash} from 'node:crypto'
import type {SsoLogin} from '../../lib/api/types.js'
import {providerSsoTarget} from '../provider-client/urls.js'
import type {Actor, ServiceContext} from './context.js'
import {invalid} from './errors.js'
import type {AddonsService} from './addons.js'

// SSO login data for an add-on's dashboard: the provider checks token = sha1(id:salt:timestamp).
export class SsoService {
  constructor(private readonly ctx: ServiceContext, private readonly addons: AddonsService) {}

  async login(actor: Actor, appRef: string, addonRef: string): Promise<SsoLogin> {
    const addon = await this.addons.info(actor, appRef, addonRef)
    const service = this.ctx.catalog.service(addon.service_id)
    const salt = service.manifest.api.sso_salt
    if (!salt) throw invalid(`${service.row.name} has no single sign-on.`)
    const providerId = addon.provider_id ?? addon.id
    const timestamp = String(Math.floor(Date.now() / 1000))
    const sha1 = (s: string) => createHash('sha1').update(s).digest('hex')
    const app = await this.ctx.store.db.selectFrom('apps').select('name').where('id', '=', addon.app_id).executeTakeFirstOrThrow()
    const navData = Buffer.from(JSON.stringify({addon: service.row.human_name, appname: app.name, addons: []})).toString('base64url')
    const target = providerSsoTarget(service.manifest, providerId)
    return {
      method: target.method,
      action: target.action,
      params: {
        id: providerId,
        token: sha1(`${providerId}:${salt}:${timestamp}`),
        timestamp,
        email: actor.email,
        user_id: actor.id,
        app: app.name,
        context_app: app.name,
        resource_id: addon.id,
        resource_token: sha1(`${addon.id}:${salt}:${timestamp}`),
        'nav-data': navData,
      },
    }
  }
}
