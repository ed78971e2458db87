import type {AppWebhook, AddonWebhook} from '../../../wire/webhooks.js'
import type {Domain} from '../../../wire/platform-api.js'
import {domain as domainView} from '../../serializers/domains.js'
import {webhookView} from '../../webhooks/views.js'
import {MAX_PAGE_SIZE} from '../../store/paging.js'
import {screen, type Reader} from './reader.js'

// The Domains and Webhooks tabs: the lists `domains` and `webhooks` print.

export async function domainList(reader: Reader, appName: string): Promise<{app: string; domains: Domain[]}> {
  const {app, page} = await reader.s.domains.list(reader.actor, appName, screen('hostname', MAX_PAGE_SIZE))
  return {app: app.name, domains: page.items.map((row) => domainView(row, app))}
}

export async function webhookList(reader: Reader, appName: string): Promise<{app: string; webhooks: Array<AppWebhook | AddonWebhook>}> {
  const {subscriber, webhooks} = await reader.s.webhooks.subscriptions.list({actor: reader.actor, app: appName})
  return {app: subscriber.name, webhooks: webhooks.map((row) => webhookView(row, subscriber))}
}

// A URL as a page may show it: a password in it (https://user:secret@host/) is not shown.
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password === '') return url
    parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}
