import {join} from 'node:path'
import type {FastifyInstance} from 'fastify'
import {builtinManifest, type BuiltinService, type ServiceContext} from '../builtin/builtin-service.js'
import {drainReceiver} from '../kit/drain-receiver.js'
import {unprocessable} from '../kit/errors.js'
import {JsonFileResourceStore} from '../kit/json-file-store.js'
import {JsonFilePartnerTokenStore} from '../kit/partner-tokens.js'
import {providerKit} from '../kit/provider-kit.js'
import {webhookReceiver} from '../kit/webhook-receiver.js'
import {logbookDashboard} from './dashboard-page.js'
import {DrainTokenTaken, LogbookLines} from './logbook-lines.js'
import {formatCount, logbookPlanLimits, logbookPlans} from './plans.js'
import {eventLine, LOGBOOK_EVENTS, webhookSecret} from './webhook-lines.js'

// how many lines the dashboard shows at once, newest first
const DASHBOARD_LINES = 500

/**
 * "Logbook": keeps the newest lines of an app's log stream, as a log add-on does. Its manifest
 * requires syslog_drain: the provision carries a log_drain_token and logbook answers a
 * log_drain_url on its own route (`<mount>/drain`), to which the platform delivers the app's lines as
 * Logplex HTTPS drain batches. Lines live in SQLite (logbook.sqlite) and survive restarts; the SSO
 * dashboard shows them. It gives the app no config vars. Once an add-on exists, logbook subscribes
 * (with its partner token) to the app's releases and domain changes, at `<mount>/webhooks/<resource>`,
 * and keeps each event among the lines as `heroku[webhook]`; a subscription that fails is a warning
 * in the platform's log, never a failed provision.
 */
export function createLogbookService(context: ServiceContext): BuiltinService {
  const base = builtinManifest({id: 'logbook', name: 'Logbook', prefix: 'LOGBOOK', plans: logbookPlans, secrets: context.secrets})
  const manifest = {...base, api: {...base.api, config_vars: [], requires: ['syslog_drain']}}
  const resources = new JsonFileResourceStore(join(context.dir, 'resources.json'))
  const lines = new LogbookLines(context.dir)
  let mountedAt = ''
  const secretOf = (resource: string) => webhookSecret(context.secrets.password, resource)

  const kit = providerKit({
    manifest,
    store: resources,
    tokens: new JsonFilePartnerTokenStore(join(context.dir, 'partner-tokens.json')),
    warn: (message) => context.log.warn(message),
    async provisioned(resource, platform) {
      // sync: the platform retries a delivery this process missed (a restart), within its window
      await platform.subscribe(LOGBOOK_EVENTS, 'sync', `${context.publicUrl()}${mountedAt}/webhooks/${resource.id}`, {secret: secretOf(resource.id)})
    },
    async provision(request) {
      const limit = logbookPlanLimits[request.plan]
      const token = typeof request.log_drain_token === 'string' && request.log_drain_token !== '' ? request.log_drain_token : null
      try {
        lines.register(request.uuid, token, limit)
      } catch (error) {
        if (error instanceof DrainTokenTaken) throw unprocessable(error.message)
        throw error
      }
      if (!token) return {config: {}, message: 'Logbook is ready, but the platform sent no log_drain_token: no lines will reach it'}
      // one URL per resource (the query names it; the token identifies it): an app may drain to two logbooks
      return {config: {}, log_drain_url: `${context.publicUrl()}${mountedAt}/drain?resource=${encodeURIComponent(request.uuid)}`, message: `Logbook keeps the newest ${formatCount(limit)} lines of the app's logs`}
    },
    async planChange(resource, plan) {
      const limit = logbookPlanLimits[plan]
      const dropped = lines.setLimit(resource.id, limit)
      const trimmed = dropped > 0 ? ` (the oldest ${formatCount(dropped)} lines were dropped)` : ''
      return {message: `now keeps the newest ${formatCount(limit)} lines${trimmed}`}
    },
    async deprovision(resource) {
      lines.drop(resource.id)
    },
    async dashboardPage(resource, view) {
      const filter = {text: (view.query.q ?? '').trim(), source: (view.query.source ?? '').trim()}
      const found = lines.lines(resource.id, {text: filter.text || undefined, source: filter.source || undefined, limit: DASHBOARD_LINES + 1})
      const usage = lines.usage(resource.id)
      return logbookDashboard({
        name: resource.name ?? resource.id,
        plan: logbookPlans.find((p) => p.name === resource.plan)?.human_name ?? resource.plan,
        kept: usage?.line_count ?? 0,
        limit: usage?.line_limit ?? logbookPlanLimits[resource.plan],
        lines: found.slice(0, DASHBOARD_LINES),
        shownAtMost: DASHBOARD_LINES,
        more: found.length > DASHBOARD_LINES,
        sources: lines.sources(resource.id),
        filter,
        email: view.email,
        drained: usage?.drained === 1,
      })
    },
  })

  return {
    manifest,
    async register(app: FastifyInstance, prefix: string) {
      mountedAt = prefix
      // before listening: a database that cannot be opened stops the start with its reason
      await lines.open()
      await app.register(kit, {prefix})
      await app.register(
        drainReceiver({
          resourceForToken: (token) => lines.resourceForToken(token),
          receive: (resource, batch) => {
            lines.append(resource.resource, batch.frameId, batch.lines)
          },
        }),
        {prefix: `${prefix}/drain`},
      )
      await app.register(
        webhookReceiver({
          subscriberFor: (resource) => (lines.usage(resource) ? {subscriber: resource, secret: secretOf(resource)} : undefined),
          // the delivery id is the same on every attempt: a repeat is kept once
          receive: (resource, event) => {
            lines.append(resource, `webhook:${event.webhook_metadata.delivery.id}`, [eventLine(event)])
          },
        }),
        {prefix: `${prefix}/webhooks`},
      )
    },
    async start() {},
    async close() {
      lines.close()
    },
  }
}
