import {randomBytes} from 'node:crypto'
import {WEBHOOK_INCLUDES, WEBHOOK_LEVELS, type WebhookInclude, type WebhookLevel} from '../../wire/webhooks.js'
import {invalid} from '../services/errors.js'
import {isWebhookInclude} from './publish.js'

// A subscription's body as the API takes it (POST: include, level and url required; PATCH: any).
export interface SubscriptionInput {
  include?: unknown
  level?: unknown
  url?: unknown
  secret?: string | null
  authorization?: string | null
}

export interface SubscriptionFields {
  include: WebhookInclude[]
  level: WebhookLevel
  url: string
}

// Each include must be one the platform publishes; the message names them all, so the caller can fix
// the request from the error alone. Repeats are kept once.
export function checkInclude(value: unknown): WebhookInclude[] {
  const valid = WEBHOOK_INCLUDES.join(', ')
  if (!Array.isArray(value) || value.length === 0) throw invalid(`include must list one or more of: ${valid}.`)
  const unknown = value.filter((item) => typeof item !== 'string' || !isWebhookInclude(item))
  if (unknown.length > 0) {
    const named = unknown.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ')
    throw invalid(`Unknown include ${named}: valid includes are ${valid}.`)
  }
  return [...new Set(value as WebhookInclude[])]
}

export function checkLevel(value: unknown): WebhookLevel {
  if (typeof value !== 'string' || !(WEBHOOK_LEVELS as readonly string[]).includes(value)) {
    throw invalid(`level must be notify (one attempt) or sync (retried until the receiver answers 2xx), not ${JSON.stringify(value)}.`)
  }
  return value as WebhookLevel
}

// Deliveries are HTTP POSTs: any other scheme could never be delivered to.
export function checkUrl(value: unknown): string {
  if (typeof value !== 'string') throw invalid('url must be an http or https URL.')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalid(`url ${JSON.stringify(value)} is not a URL: give an http or https URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`url must be an http or https URL, not ${url.protocol.replace(/:$/, '')}.`)
  if (url.hostname === '') throw invalid(`url ${JSON.stringify(value)} names no host.`)
  return value
}

export function newSubscription(input: SubscriptionInput): SubscriptionFields {
  const missing = (['include', 'level', 'url'] as const).filter((name) => input[name] === undefined)
  if (missing.length > 0) throw invalid(`Missing ${missing.join(', ')}: a webhook needs include, level and url.`)
  return {include: checkInclude(input.include), level: checkLevel(input.level), url: checkUrl(input.url)}
}

// The secret every delivery is signed with: the one given, or a new one (handed out once, in the
// Heroku-Webhook-Secret header). An empty secret would sign with a key anyone knows.
export function secretFor(given: string | null | undefined): {secret: string; generated: boolean} {
  if (typeof given === 'string') {
    if (given === '') throw invalid('secret must not be empty: leave it out and one is generated.')
    return {secret: given, generated: false}
  }
  return {secret: randomBytes(32).toString('hex'), generated: true}
}
