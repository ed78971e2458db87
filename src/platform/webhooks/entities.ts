import type {WebhookAction, WebhookActor} from '../../wire/webhooks.js'
import {addons as addonViews, attachments as attachmentViews} from '../serializers/addons.js'
import {apps as appViews, release as releaseViews, releaseView} from '../serializers/core.js'
import {domain as domainView} from '../serializers/domains.js'
import type {ServiceContext} from '../services/context.js'
import type {Tx} from '../store/database.js'
import type {AddonRow, AppRow, AttachmentRow, DomainRow, ReleaseRow} from '../store/schema.js'
import {changedFields, publish, type PublishInput} from './publish.js'

// One call per change the platform makes, in that change's transaction: the event's `data` is the
// resource as the Platform API serves it (built only when a subscription listens), and an update's
// `previous_data` the old values of the fields it changed.

type Views = Pick<ServiceContext, 'catalog' | 'baseUrl'>
type Json = Record<string, unknown>

const actorOf = (actor: WebhookActor): WebhookActor => ({id: actor.id, email: actor.email})

// Events leave the platform, some for other add-ons' providers: no credential goes with them. Here an
// add-on's web_url signs its holder in to the dashboard as the owner (services/dashboard-links.ts),
// and log_input_url writes to the app's log; both are null in event data (the schema allows it).
function withoutCredentials(view: Json): Json {
  return {...view, web_url: null, ...('log_input_url' in view ? {log_input_url: null} : {})}
}

function previous(before: (() => Promise<Json>) | undefined, after: () => Promise<Json>): (() => Promise<Json>) | undefined {
  return before && (async () => changedFields(await before(), await after()))
}

// Who a change the provider made counts as made by: the app's owner, as for the releases it cuts.
export async function appOwner(tx: Tx, appId: string): Promise<WebhookActor> {
  return tx.selectFrom('apps').innerJoin('accounts', 'accounts.id', 'apps.owner_id').select(['accounts.id', 'accounts.email']).where('apps.id', '=', appId).executeTakeFirstOrThrow()
}

export function publishApp(ctx: Views, tx: Tx, action: WebhookAction, actor: WebhookActor, app: AppRow, before?: AppRow): Promise<string | undefined> {
  const view = (row: AppRow) => async () => (await appViews(tx, ctx.catalog, [row]))[0] as unknown as Json
  return publish(tx, {appId: app.id, include: 'api:app', action, actor: actorOf(actor), data: view(app), previousData: previous(before && view(before), view(app))})
}

// Heard on the add-on's owning app, and by the add-on's own subscriptions.
export function publishAddon(ctx: Views, tx: Tx, action: WebhookAction, actor: WebhookActor, addon: AddonRow, before?: AddonRow): Promise<string | undefined> {
  return publish(tx, addonEvent(ctx, tx, action, actor, addon, before))
}

export function addonEvent(ctx: Views, tx: Tx, action: WebhookAction, actor: WebhookActor, addon: AddonRow, before?: AddonRow): PublishInput {
  const options = {baseUrl: ctx.baseUrl(), expandService: false, expandPlan: false, providerMessages: false}
  const view = (row: AddonRow) => async () => withoutCredentials((await addonViews(tx, ctx.catalog, [row], options))[0] as unknown as Json)
  return {
    appId: addon.app_id, include: 'api:addon', action, actor: actorOf(actor), addonIds: [addon.id],
    data: view(addon), previousData: previous(before && view(before), view(addon)),
  }
}

// Heard on the app the attachment puts the add-on on, and by the add-on's own subscriptions (a
// provider learns its add-on was attached or detached). The add-on must still exist.
export function publishAttachment(ctx: Views, tx: Tx, action: WebhookAction, actor: WebhookActor, attachment: AttachmentRow): Promise<string | undefined> {
  return publish(tx, attachmentEvent(ctx, tx, action, actor, attachment))
}

export function attachmentEvent(ctx: Views, tx: Tx, action: WebhookAction, actor: WebhookActor, attachment: AttachmentRow): PublishInput {
  const options = {baseUrl: ctx.baseUrl(), includeConfigVars: false, includeAddonPlan: false}
  return {
    appId: attachment.app_id, include: 'api:addon-attachment', action, actor: actorOf(actor), addonIds: [attachment.addon_id],
    data: async () => withoutCredentials((await attachmentViews(tx, ctx.catalog, [attachment], options))[0] as unknown as Json),
  }
}

export interface KnownOfRelease {
  // the app's name, when the caller read it under the app's lock (no query for it)
  appName?: string
  // add-ons attached to the app that the change is about: the release is heard by their webhooks
  // anyway, and naming them lets it go out with that change's other events (publishAll)
  addonIds?: string[]
}

// Every release: a config change, an attach or detach, a rollback (the local platform's deploys);
// releases.ts publishes it with the change's other events.
export function releaseEvent(tx: Tx, actor: WebhookActor, release: ReleaseRow, known: KnownOfRelease = {}): PublishInput {
  return {
    appId: release.app_id, include: 'api:release', action: 'create', actor: actorOf(actor), addonIds: known.addonIds,
    data: async () => {
      // published as it is cut, under the app's lock: the app's newest release, by the account
      // making the change (the app's name at most, instead of three queries)
      if (actor.id === release.user_id && actor.email !== '') {
        const app = known.appName !== undefined
          ? {id: release.app_id, name: known.appName}
          : await tx.selectFrom('apps').select(['id', 'name']).where('id', '=', release.app_id).executeTakeFirstOrThrow()
        return releaseView(release, app, actor.email, true) as unknown as Json
      }
      const app = await tx.selectFrom('apps').selectAll().where('id', '=', release.app_id).executeTakeFirstOrThrow()
      return (await releaseViews(tx, [release], app))[0] as unknown as Json
    },
  }
}

export function publishDomain(tx: Tx, action: WebhookAction, actor: WebhookActor, app: Pick<AppRow, 'id' | 'name'>, domain: DomainRow): Promise<string | undefined> {
  return publish(tx, {appId: app.id, include: 'api:domain', action, actor: actorOf(actor), data: async () => domainView(domain, app) as unknown as Json})
}
