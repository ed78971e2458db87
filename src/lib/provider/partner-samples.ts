import {randomUUID} from 'node:crypto'
import type {Addon, App, Attachment, Domain, Release} from '../../wire/platform-api.js'
import {WEBHOOK_EVENT_VERSION, type WebhookDeliveryBody, type WebhookInclude} from '../../wire/webhooks.js'

// The made-up world provider:test shows a provider through its partner API stand-in: the add-on
// under test lives on one app, owned by one person, with its default domain and one custom domain.
// Shapes are the Platform API's; values say plainly that they are samples.
export interface PartnerSamples {
  app: App
  addon(state: Addon['state']): Addon
  attachment: Attachment
  domains: Domain[]
  // the body of a delivery for `include`, as the platform would send it
  event(include: WebhookInclude, webhook: {id: string}): WebhookDeliveryBody
}

const at = '2024-01-01T00:00:00Z'
const ref = (name: string) => ({id: randomUUID(), name})

export function partnerSamples(addon: {uuid: string; name: string; plan: string; service: string}): PartnerSamples {
  const owner = {id: randomUUID(), email: 'owner@example.com'}
  const region = ref('us')
  const stack = ref('heroku-24')
  const app: App = {
    id: randomUUID(), name: 'provider-test-app', owner, region, space: null, team: null, organization: null, stack, build_stack: stack,
    generation: ref('cedar'), web_url: 'https://provider-test-app.example.com/', git_url: 'https://git.example.com/provider-test-app.git',
    maintenance: false, acm: false, archived_at: null, buildpack_provided_description: null, internal_routing: null, repo_size: 0, slug_size: null,
    released_at: at, created_at: at, updated_at: at,
  }
  const appRef = {id: app.id, name: app.name}
  const attachment: Attachment = {
    id: randomUUID(), name: addon.service.toUpperCase().replace(/[^A-Z0-9]+/g, '_'), addon: {id: addon.uuid, name: addon.name, app: appRef}, app: appRef,
    namespace: null, web_url: null, log_input_url: null, created_at: at, updated_at: at,
  }
  const domain = (hostname: string, kind: Domain['kind']): Domain => ({
    id: randomUUID(), hostname, kind, cname: kind === 'custom' ? `${hostname}.sample-target.example.net` : null, status: kind === 'custom' ? 'succeeded' : 'none',
    acm_status: null, acm_status_reason: null, sni_endpoint: null, app: appRef, created_at: at, updated_at: at,
  })
  const domains = [domain('provider-test-app.example.com', 'heroku'), domain('www.example.com', 'custom')]
  const addonOf = (state: Addon['state']): Addon => ({
    id: addon.uuid, name: addon.name, addon_service: ref(addon.service), plan: ref(`${addon.service}:${addon.plan}`), app: appRef,
    billing_entity: {...appRef, type: 'app'}, billed_price: null, config_vars: [], state, provider_id: addon.uuid, web_url: null, actions: [],
    provision_message: '', created_at: at, updated_at: at,
  })
  const release: Release = {
    id: randomUUID(), version: 2, description: 'Set SAMPLE config vars', status: 'succeeded', current: true, eligible_for_rollback: true,
    app: appRef, user: owner, slug: null, artifacts: [], addon_plan_names: [`${addon.service}:${addon.plan}`], output_stream_url: null, created_at: at, updated_at: at,
  }
  const data: Record<WebhookInclude, {resource: string; data: object}> = {
    'api:release': {resource: 'release', data: release},
    'api:domain': {resource: 'domain', data: domains[1]},
    'api:app': {resource: 'app', data: app},
    'api:addon': {resource: 'addon', data: addonOf('provisioned')},
    'api:addon-attachment': {resource: 'addon-attachment', data: attachment},
  }
  return {
    app,
    addon: addonOf,
    attachment,
    domains,
    event(include, webhook) {
      const id = randomUUID()
      const now = new Date().toISOString()
      return {
        id, action: 'create', actor: owner, resource: data[include].resource, data: data[include].data as Record<string, unknown>, previous_data: {},
        version: WEBHOOK_EVENT_VERSION, published_at: now, sequence: null, created_at: now, updated_at: now,
        webhook_metadata: {attempt: {id: randomUUID()}, delivery: {id: randomUUID()}, event: {id, include}, webhook: {id: webhook.id}},
      }
    },
  }
}
