import type {Addon, App, Attachment, Domain, Release} from '../../wire/platform-api.js'
import type {WebhookDeliveryBody} from '../../wire/webhooks.js'

// A delivery's body with `data` typed by its `resource`: the Platform API representation of what
// changed (after the change; before it, for a destroy). Narrow on `resource`:
//
//   if (event.resource === 'release') console.log(event.data.version, event.data.description)
type EventOf<Resource extends string, Data> = Omit<WebhookDeliveryBody, 'resource' | 'data' | 'previous_data'> & {
  resource: Resource
  data: Data
  // the old values of the fields an update changed; {} otherwise
  previous_data: Partial<Data>
}

export type ReleaseEvent = EventOf<'release', Release>
export type DomainEvent = EventOf<'domain', Domain>
export type AppEvent = EventOf<'app', App>
export type AddonEvent = EventOf<'addon', Addon>
export type AttachmentEvent = EventOf<'addon-attachment', Attachment>

export type WebhookEvent = ReleaseEvent | DomainEvent | AppEvent | AddonEvent | AttachmentEvent

// What the kit checks before handing a body over as an event: the envelope every delivery has.
export function envelopeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not a JSON object'
  const event = body as Record<string, unknown>
  for (const field of ['id', 'action', 'resource']) if (typeof event[field] !== 'string') return `the body has no "${field}"`
  if (typeof event.data !== 'object' || event.data === null) return 'the body has no "data" object'
  return undefined
}
