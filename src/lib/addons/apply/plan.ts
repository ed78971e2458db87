import {missingEnvMessage, missingRequiredEnv, type AddonSpec, type AppJsonManifest} from '../../../wire/app-json.js'
import type {Addon, Attachment, ConfigVars} from '../../api/types.js'
import {AddonkitError} from '../../errors.js'
import {byDefaultAliasFirst} from './aliases.js'

// What `addons:apply` knows of the app: three lists read once, whatever the number of add-ons.
export interface AppState {
  app: string
  // the add-ons on the app, its own and those attached from other apps
  addons: Addon[]
  // the app's attachments
  attachments: Attachment[]
  config: ConfigVars
}

export interface AddonRef {
  id: string
  name: string
  // the app that owns the add-on
  app: string
}

export interface CreateStep {
  action: 'create'
  // the entry's place in app.json's `addons`
  entry: number
  service: string
  // null: the service's default plan
  plan: string | null
  // null: the platform picks the service's default alias
  as: string | null
  name: string | null
  options: Record<string, string>
}

export interface PlanChangeStep {
  action: 'change_plan'
  entry: number
  addon: AddonRef
  as: string
  from: string
  to: string
}

export interface SetStep {
  action: 'set'
  name: string
  // the value app.json gives, or a random secret (`generator: "secret"`); values never appear here
  source: 'app.json' | 'generated'
}

export interface DestroyStep {
  action: 'destroy'
  addon: AddonRef
  aliases: string[]
  plan: string
}

export type PlanStep = CreateStep | PlanChangeStep | SetStep | DestroyStep

export interface Unchanged {
  entry: number
  addon: AddonRef
  as: string
  plan: string
}

// An add-on on the app that app.json does not list: left alone, since --prune was not given or
// since another app owns it (pruning never destroys another app's add-on).
export interface Unmanaged {
  addon: AddonRef
  aliases: string[]
  plan: string
  reason: 'not_pruned' | 'other_app'
}

// The plan, in the order it is applied: creates, plan changes, config vars, destroys.
export interface ApplyPlan {
  app: string
  steps: PlanStep[]
  unchanged: Unchanged[]
  unmanaged: Unmanaged[]
}

export interface PlanOptions {
  prune: boolean
}

const GONE: Addon['state'][] = ['deprovisioning', 'deprovisioned']

const ref = (addon: Addon): AddonRef => ({id: addon.id, name: addon.name, app: addon.app.name})

// Matches app.json's add-ons to the app's by alias and lists what to change. Pure: everything it
// knows comes in `state`. A file the app cannot be brought in line with (an alias held by another
// service, a required var with no value) is refused here, before any change.
export function computePlan(manifest: AppJsonManifest, state: AppState, options: PlanOptions): ApplyPlan {
  const {app} = state
  const addons = new Map(state.addons.filter((a) => !GONE.includes(a.state)).map((a) => [a.id, a]))
  const aliasesOf = new Map<string, Attachment[]>()
  const byAlias = new Map<string, {attachment: Attachment; addon: Addon}>()
  for (const attachment of state.attachments) {
    const addon = addons.get(attachment.addon.id)
    if (!addon) continue
    byAlias.set(attachment.name, {attachment, addon})
    aliasesOf.set(addon.id, [...(aliasesOf.get(addon.id) ?? []), attachment])
  }

  const errors: string[] = []
  const creates: CreateStep[] = []
  const changes: PlanChangeStep[] = []
  const unchanged: Unchanged[] = []
  // add-on id → the entry that stands for it
  const matched = new Map<string, AddonSpec>()
  const create = (spec: AddonSpec) =>
    creates.push({action: 'create', entry: spec.index, service: spec.service, plan: spec.plan, as: spec.as, name: spec.name, options: spec.options})
  const match = (spec: AddonSpec, addon: Addon, as: string) => {
    matched.set(addon.id, spec)
    if (spec.plan !== null && spec.plan !== addon.plan.name) {
      changes.push({action: 'change_plan', entry: spec.index, addon: ref(addon), as, from: addon.plan.name, to: spec.plan})
    } else {
      unchanged.push({entry: spec.index, addon: ref(addon), as, plan: addon.plan.name})
    }
  }

  // entries with `as`: that alias, or a new add-on under it. Their creates come first, so an alias
  // one of them names is not the one the platform gives an entry without `as` (the default alias).
  for (const spec of manifest.addons) {
    if (spec.as === null) continue
    const held = byAlias.get(spec.as)
    if (!held) {
      create(spec)
      continue
    }
    const {addon} = held
    const other = matched.get(addon.id)
    if (addon.addon_service.name !== spec.service) {
      errors.push(`addons[${spec.index}] wants ${spec.service} as ${spec.as}, but ${spec.as} on ${app} is ${addon.name} (${addon.addon_service.name})`)
    } else if (other) {
      errors.push(`addons[${other.index}] (${other.as}) and addons[${spec.index}] (${spec.as}) are both aliases of ${addon.name}: each entry stands for an add-on of its own`)
    } else {
      match(spec, addon, spec.as)
    }
  }

  // entries without `as`: the service's add-ons that no `as` claims, default aliases first
  const claimed = new Set(manifest.addons.flatMap((spec) => (spec.as === null ? [] : [spec.as])))
  const candidates = new Map<string, Array<{alias: string; created_at: string; addon: Addon}>>()
  for (const [alias, {attachment, addon}] of byAlias) {
    if (claimed.has(alias)) continue
    const service = addon.addon_service.name
    candidates.set(service, [...(candidates.get(service) ?? []), {alias, created_at: attachment.created_at, addon}])
  }
  for (const [service, list] of candidates) candidates.set(service, byDefaultAliasFirst(service, list))
  for (const spec of manifest.addons) {
    if (spec.as !== null) continue
    const list = candidates.get(spec.service) ?? []
    let next = list.shift()
    while (next && matched.has(next.addon.id)) next = list.shift()
    if (next) match(spec, next.addon, next.alias)
    else create(spec)
  }

  const destroys: DestroyStep[] = []
  const unmanaged: Unmanaged[] = []
  const leftOver = [...addons.values()]
    .filter((addon) => !matched.has(addon.id))
    .map((addon) => ({addon, aliases: (aliasesOf.get(addon.id) ?? []).map((a) => a.name).sort()}))
    .sort((a, b) => (a.aliases[0] ?? a.addon.name).localeCompare(b.aliases[0] ?? b.addon.name))
  for (const {addon, aliases} of leftOver) {
    const owned = addon.app.name === app
    if (owned && options.prune) destroys.push({action: 'destroy', addon: ref(addon), aliases, plan: addon.plan.name})
    else unmanaged.push({addon: ref(addon), aliases, plan: addon.plan.name, reason: owned ? 'not_pruned' : 'other_app'})
  }

  const present = (name: string) => Object.hasOwn(state.config, name)
  const missing = missingRequiredEnv(manifest.env, present)
  if (missing.length > 0) errors.push(missingEnvMessage(missing))
  if (errors.length > 0) throw new AddonkitError(errors.join('; '))
  const sets: SetStep[] = manifest.env
    .filter((env) => !present(env.name) && (env.value !== null || env.generator !== null))
    .map((env) => ({action: 'set', name: env.name, source: env.value !== null ? 'app.json' : 'generated'}))

  const byEntry = (a: {entry: number}, b: {entry: number}) => a.entry - b.entry
  return {app, steps: [...creates, ...changes.sort(byEntry), ...sets, ...destroys], unchanged: unchanged.sort(byEntry), unmanaged}
}
