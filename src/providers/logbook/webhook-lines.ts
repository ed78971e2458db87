import {createHmac} from 'node:crypto'
import type {WebhookEvent} from '../kit/webhook-events.js'
import type {StoredLine} from './logbook-lines.js'

// What logbook hears about its apps besides their logs: releases (config changes, add-ons
// attached or removed, rollbacks) and domains added or removed.
export const LOGBOOK_EVENTS = ['api:release', 'api:domain']

// Events are kept among the app's lines as the platform's own: source `heroku`, process `webhook`.
export const EVENT_SOURCE = 'heroku'
export const EVENT_PROCESS = 'webhook'

// One line per event, as someone reading the app's log would want it said.
export function eventLine(event: WebhookEvent): StoredLine {
  return {time: event.created_at ?? new Date().toISOString(), source: EVENT_SOURCE, process: EVENT_PROCESS, message: describe(event)}
}

function describe(event: WebhookEvent): string {
  const by = event.actor?.email ? ` by ${event.actor.email}` : ''
  switch (event.resource) {
    case 'release':
      return `Release v${event.data.version}${by}: ${event.data.description}`
    case 'domain':
      if (event.action === 'create') return `Domain ${event.data.hostname} added${by}`
      if (event.action === 'destroy') return `Domain ${event.data.hostname} removed${by}`
      return `Domain ${event.data.hostname} ${event.action}d${by}`
    default:
      return `${event.resource} ${event.action}${by}`
  }
}

// Each resource's subscription secret, derived from the service's own secret: nothing more to keep,
// and the same after a restart.
export function webhookSecret(serviceSecret: string, resourceId: string): string {
  return createHmac('sha256', serviceSecret).update(`logbook webhook:${resourceId}`).digest('base64url')
}
