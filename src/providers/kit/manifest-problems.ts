import {parseMicros} from '../../wire/billing.js'
import type {ProviderManifest} from './manifest-types.js'
import {knownRegionNames} from './regions.js'

// Region names a manifest may list (`*` means every region), in the order messages name them.
const validRegionNames = [...knownRegionNames.filter((name) => name !== '*'), '*']

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const show = (value: unknown) => JSON.stringify(value)

export interface ManifestRules {
  // The rules a manifest must meet to be offered to users (provider:check, platform:start
  // --manifest): https production URLs, a test environment, config vars under the add-on's prefix,
  // an sso_salt for SSO, no deprecated fields. Without them, only what serving the add-on needs
  // (the provider kit, the built-in services, manifests handed to the platform in code).
  strict: boolean
}

/**
 * Every problem of a manifest, one sentence each, all at once: a provider author fixes the whole
 * file in one go instead of re-running after each fix. An empty list means the manifest is usable.
 * The one set of manifest rules: the checker, the platform and the provider kit all apply it.
 */
export function findManifestProblems(candidate: unknown, rules: ManifestRules = {strict: true}): string[] {
  if (!isObject(candidate)) return ['the manifest must be a JSON object']
  const problems: string[] = []
  problems.push(...idProblems(candidate.id))
  if (candidate.name !== undefined && !isNonEmptyString(candidate.name)) problems.push('name must be a non-empty string')
  const api = candidate.api
  if (api === undefined) problems.push('api is missing')
  else if (!isObject(api)) problems.push('api must be an object')
  else problems.push(...apiProblems(api, typeof candidate.id === 'string' ? candidate.id : '', rules.strict))
  problems.push(...planProblems(candidate.plans))
  return problems
}

// The manifest, typed, or an error naming every problem.
export function validateManifest(candidate: unknown, rules: ManifestRules = {strict: false}): ProviderManifest {
  const problems = findManifestProblems(candidate, rules)
  if (problems.length > 0) throw new Error(`invalid manifest: ${problems.join('; ')}`)
  return candidate as ProviderManifest
}

function idProblems(id: unknown): string[] {
  if (id === undefined) return ['id is missing']
  if (typeof id !== 'string') return [`id must be a string, not ${show(id)}`]
  if (id.trim() === '') return ['id must not be empty']
  // users type it in addons:create and it names the Basic-auth user, so keep it a plain slug
  if (!/^[a-z][a-z0-9-]*$/.test(id)) return [`id "${id}" must be lower case letters, digits and dashes, starting with a letter`]
  return []
}

function apiProblems(api: Json, id: string, strict: boolean): string[] {
  const problems: string[] = []
  if (api.regions === undefined) problems.push('api.regions is missing')
  else if (!Array.isArray(api.regions)) problems.push('api.regions must be an array')
  else if (api.regions.length === 0) problems.push('api.regions must list at least one region')
  else {
    for (const region of api.regions) {
      if (!validRegionNames.includes(region as string)) {
        problems.push(`api.regions contains ${show(region)}: use ${validRegionNames.join(', ')}`)
      }
    }
  }
  // null and "" are both "no password": the platform could not authenticate to the provider
  if (!('password' in api)) problems.push('api.password is missing')
  else if (!isNonEmptyString(api.password)) problems.push('api.password must be a non-empty string')
  if (api.sso_salt !== undefined && !isNonEmptyString(api.sso_salt)) problems.push('api.sso_salt must be a non-empty string')
  if (strict && api.username !== undefined) problems.push('api.username is deprecated: the platform authenticates with the add-on id as user name')
  if (api.version !== undefined && api.version !== '3') problems.push(`api.version must be "3", not ${show(api.version)}`)
  problems.push(...requiresProblems(api.requires))
  problems.push(...environmentProblems('api.production', api.production, strict))
  if (strict || api.test !== undefined) problems.push(...environmentProblems('api.test', api.test, false))
  if (strict && hasSsoUrl(api.production) && !isNonEmptyString(api.sso_salt)) problems.push('api.sso_salt is missing: single sign-on needs it')
  problems.push(...configVarProblems(api, id, strict))
  return problems
}

// What `api.requires` may ask for: the app's logs in (log_input) and out (syslog_drain), several
// installations per app (many_per_app), and the deprecated deploy hook (deploy_notify).
export const knownRequirements = ['log_input', 'syslog_drain', 'many_per_app', 'deploy_notify']

function requiresProblems(requires: unknown): string[] {
  if (requires === undefined) return []
  if (!(Array.isArray(requires) && requires.every((r) => typeof r === 'string'))) return ['api.requires must be an array of strings']
  // a misspelt requirement would silently give the provider nothing it asked for
  return requires
    .filter((r) => !knownRequirements.includes(r))
    .map((r) => `api.requires contains ${show(r)}: use ${knownRequirements.join(', ')}`)
}

function hasSsoUrl(environment: unknown): boolean {
  return typeof environment === 'string' || (isObject(environment) && environment.sso_url !== undefined)
}

function environmentProblems(where: string, environment: unknown, mustBeHttps: boolean): string[] {
  if (environment === undefined) return [`${where} is missing`]
  if (typeof environment === 'string') return urlProblems(where, environment, mustBeHttps)
  if (!isObject(environment)) return [`${where} must be a URL or an object with base_url and sso_url`]
  const problems = environment.base_url === undefined ? [`${where}.base_url is missing`] : urlProblems(`${where}.base_url`, environment.base_url, mustBeHttps)
  if (environment.sso_url !== undefined) problems.push(...urlProblems(`${where}.sso_url`, environment.sso_url, mustBeHttps))
  return problems
}

function urlProblems(where: string, value: unknown, mustBeHttps: boolean): string[] {
  if (typeof value !== 'string') return [`${where} must be a URL string`]
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return [`${where} ${show(value)} is not a URL`]
  }
  if (mustBeHttps && url.protocol !== 'https:') return [`${where} must use https, not ${url.protocol.replace(':', '')}`]
  if (!mustBeHttps && url.protocol !== 'http:' && url.protocol !== 'https:') return [`${where} must be an http or https URL`]
  return []
}

function configVarProblems(api: Json, id: string, strict: boolean): string[] {
  if (api.config_vars_prefix !== undefined && !(typeof api.config_vars_prefix === 'string' && /^[A-Z][A-Z0-9_]*$/.test(api.config_vars_prefix))) {
    return ['api.config_vars_prefix must be upper case letters, digits and underscores, starting with a letter']
  }
  if (api.config_vars === undefined) return ['api.config_vars is missing']
  if (!Array.isArray(api.config_vars)) return ['api.config_vars must be an array']
  const prefix = typeof api.config_vars_prefix === 'string' ? api.config_vars_prefix : id.toUpperCase().replace(/-/g, '_')
  const problems: string[] = []
  for (const name of api.config_vars) {
    if (typeof name !== 'string') problems.push(`api.config_vars contains ${show(name)}: names are strings`)
    else if (!/^[A-Z][0-9A-Z_]+$/.test(name)) problems.push(`config var ${name} must be upper case letters, digits and underscores, starting with a letter`)
    // a plain prefix test, no regular expression: a prefix is text, whatever characters it holds
    else if (strict && !(name.startsWith(`${prefix}_`) && name.length > prefix.length + 1)) problems.push(`config var ${name} must start with ${prefix}_`)
  }
  return problems
}

function planProblems(plans: unknown): string[] {
  // kensa manifests have no plans; the provider then accepts any plan name
  if (plans === undefined) return []
  if (!Array.isArray(plans)) return ['plans must be an array']
  if (plans.length === 0) return ['plans must list at least one plan']
  const problems: string[] = []
  const seen = new Set<string>()
  plans.forEach((plan, index) => {
    const where = `plans[${index}]`
    if (!isObject(plan)) {
      problems.push(`${where} must be an object`)
      return
    }
    if (!(typeof plan.name === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(plan.name))) {
      problems.push(`${where}.name must be lower case letters, digits and dashes`)
    } else if (seen.has(plan.name)) problems.push(`plan ${plan.name} is listed twice`)
    else seen.add(plan.name)
    const label = typeof plan.name === 'string' ? `plan ${plan.name}` : where
    if (plan.human_name !== undefined && !isNonEmptyString(plan.human_name)) problems.push(`${label}: human_name must be a non-empty string`)
    const price = plan.price
    if (!isObject(price)) problems.push(`${label}: price must be an object with cents and unit`)
    else {
      if (!(Number.isInteger(price.cents) && (price.cents as number) >= 0)) problems.push(`${label}: price.cents must be a whole number of cents, 0 or more`)
      if (!isNonEmptyString(price.unit)) problems.push(`${label}: price.unit must be a non-empty string such as "month"`)
    }
    problems.push(...meterProblems(label, isObject(price) ? price : {}, plan.meters))
    if (plan.default !== undefined && typeof plan.default !== 'boolean') problems.push(`${label}: default must be true or false`)
  })
  const defaults = plans.filter((plan) => isObject(plan) && plan.default === true).length
  if (defaults !== 1) problems.push(`exactly one plan must have "default": true (found ${defaults})`)
  return problems
}

// A metered plan (price.metered: true) lists its meters, each with a name, a unit and a price per
// unit in cents that a millionth of a cent can express exactly.
function meterProblems(label: string, price: Json, meters: unknown): string[] {
  if (price.metered !== undefined && typeof price.metered !== 'boolean') return [`${label}: price.metered must be true or false`]
  if (price.metered !== true) return meters === undefined ? [] : [`${label}: meters are only for metered plans (price.metered: true)`]
  const problems = price.contract === true ? [`${label}: a plan is either contract or metered, not both`] : []
  if (!Array.isArray(meters) || meters.length === 0) return [...problems, `${label}: a metered plan must list its meters: [{name, unit, cents_per_unit}]`]
  const seen = new Set<string>()
  meters.forEach((meter, index) => {
    if (!isObject(meter)) {
      problems.push(`${label}: meters[${index}] must be an object with name, unit and cents_per_unit`)
      return
    }
    const name = isNonEmptyString(meter.name) ? meter.name : `meters[${index}]`
    if (!isNonEmptyString(meter.name)) problems.push(`${label}: meters[${index}].name must be a non-empty string`)
    else if (seen.has(meter.name)) problems.push(`${label}: meter ${meter.name} is listed twice`)
    else seen.add(meter.name)
    if (!isNonEmptyString(meter.unit)) problems.push(`${label}: meter ${name}: unit must be a non-empty string such as "request"`)
    if (parseMicros(meter.cents_per_unit) === undefined) {
      problems.push(`${label}: meter ${name}: cents_per_unit must be a price in cents, 0 or more, with at most 6 decimal places (e.g. "0.001"), not ${show(meter.cents_per_unit)}`)
    }
  })
  return problems
}
