// Wire-shaped add-ons and attachments for nock answers: only the fields the real API returns.
import type {Addon, AddonState, Attachment, Plan} from '../../../src/lib/api/types.js'

const STAMP = '2026-01-01T00:00:00Z'
const idOf = (kind: string, name: string) => `${kind}-${name.toLowerCase()}`

export function plan(name = 'heroku-redis:mini', cents = 300): Plan {
  const [service] = name.split(':')
  return {
    id: idOf('plan', name),
    name,
    human_name: name.split(':')[1] ?? name,
    description: name,
    addon_service: {id: idOf('service', service), name: service},
    price: {cents, contract: false, unit: 'month'},
    default: true,
    space_default: false,
    state: 'public',
    visible: true,
    installable_inside_private_network: false,
    installable_outside_private_network: true,
    compliance: null,
    created_at: STAMP,
    updated_at: STAMP,
  }
}

export interface AddonSpec {
  app?: string
  plan?: string
  cents?: number
  state?: AddonState
  config_vars?: string[]
  provision_message?: string
}

export function addon(name: string, spec: AddonSpec = {}): Addon {
  const app = spec.app ?? 'example-app'
  const thePlan = plan(spec.plan, spec.cents)
  return {
    id: idOf('addon', name),
    name,
    addon_service: thePlan.addon_service,
    plan: thePlan,
    app: {id: idOf('app', app), name: app},
    billing_entity: {id: idOf('app', app), name: app, type: 'app'},
    billed_price: null,
    config_vars: spec.config_vars ?? [],
    state: spec.state ?? 'provisioned',
    provider_id: `provider-${name}`,
    web_url: null,
    actions: [],
    provision_message: spec.provision_message ?? '',
    created_at: STAMP,
    updated_at: STAMP,
  }
}

// An alias NAME of an add-on on APP (by default the add-on's own app).
export function attachment(name: string, of: Addon, app = of.app.name, configVars?: string[]): Attachment {
  return {
    id: idOf('attachment', `${app}-${name}`),
    name,
    addon: {id: of.id, name: of.name, app: of.app},
    app: {id: idOf('app', app), name: app},
    namespace: null,
    web_url: null,
    log_input_url: null,
    created_at: STAMP,
    updated_at: STAMP,
    ...(configVars ? {config_vars: configVars} : {}),
  }
}

export const release = (version: number) => [{version}]
