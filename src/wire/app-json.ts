import {randomBytes} from 'node:crypto'

// Heroku's app.json, as far as add-ons and config vars go: the document a user writes, what
// `addons:apply` and `addons:export` read and write, and what the platform's app-setups read from a
// source tarball. Only `addons` and `env` are read; every other key (name, scripts, buildpacks, …)
// is left as it is. validateAppJson lists every problem at once, each one line naming where it is
// (`addons[1].as`, `env.SECRET_KEY.generator`), so the CLI prints them and an app-setup answers them
// as `manifest_errors`.

// One entry of `addons`: "service", "service:plan", or an object.
export interface AppJsonAddonObject {
  // "service" or "service:plan"
  plan: string
  // the attachment name on the app (else the service's default alias)
  as?: string
  // provisioning options handed to the provider (`addons:create -- KEY=VALUE`)
  options?: Record<string, string | number | boolean>
  // the add-on's global name (else the platform makes one up)
  name?: string
}
export type AppJsonAddon = string | AppJsonAddonObject

// One entry of `env`: a bare string is the value.
export interface AppJsonEnvObject {
  value?: string
  // Heroku's default is true: a var without a value must be given one
  required?: boolean
  generator?: 'secret'
  description?: string
}
export type AppJsonEnv = string | AppJsonEnvObject

// The document; the keys not listed are kept unread.
export interface AppJson {
  addons?: AppJsonAddon[]
  env?: Record<string, AppJsonEnv>
  [key: string]: unknown
}

// An add-on entry, normalised.
export interface AddonSpec {
  // where it stands in `addons`
  index: number
  service: string
  // null: the service's default plan (and any plan matches)
  plan: string | null
  as: string | null
  name: string | null
  options: Record<string, string>
}

// An env entry, normalised.
export interface EnvSpec {
  name: string
  value: string | null
  required: boolean
  generator: 'secret' | null
  description: string | null
}

export interface AppJsonManifest {
  addons: AddonSpec[]
  env: EnvSpec[]
}

export type AppJsonValidation = {ok: true; manifest: AppJsonManifest} | {ok: false; errors: string[]}

// The same rules the platform applies to aliases, add-on names and config var names, so a file
// that passes here is not refused later for its names.
export const APP_JSON_ALIAS_PATTERN = /^[A-Z][A-Z0-9_]*$/
export const APP_JSON_ADDON_NAME_PATTERN = /^[a-zA-Z][A-Za-z0-9_-]+$/
export const APP_JSON_ENV_NAME_PATTERN = /^\w+$/
const SERVICE_PART = /^[a-z0-9][a-z0-9._-]*$/i

const ADDON_KEYS = ['plan', 'as', 'options', 'name']
const ENV_KEYS = ['value', 'required', 'generator', 'description']

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const quoted = (v: unknown) => JSON.stringify(v)

// "redis" → {service: "redis", plan: null}; "redis:mini" → {service: "redis", plan: "redis:mini"}
export function splitPlanRef(ref: string): {service: string; plan: string | null} | undefined {
  const parts = ref.split(':')
  if (parts.length > 2 || !parts.every((p) => SERVICE_PART.test(p))) return undefined
  return {service: parts[0], plan: parts.length === 2 ? ref : null}
}

export function validateAppJson(doc: unknown): AppJsonValidation {
  if (!isObject(doc)) return {ok: false, errors: ['app.json must be a JSON object']}
  const errors: string[] = []
  const addons = doc.addons === undefined ? [] : addonSpecs(doc.addons, errors)
  const env = doc.env === undefined ? [] : envSpecs(doc.env, errors)
  return errors.length > 0 ? {ok: false, errors} : {ok: true, manifest: {addons, env}}
}

// The text of an app.json file: JSON first, then the rules above.
export function parseAppJson(text: string): AppJsonValidation {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    return {ok: false, errors: [`app.json is not valid JSON: ${(error as Error).message}`]}
  }
  return validateAppJson(doc)
}

function addonSpecs(raw: unknown, errors: string[]): AddonSpec[] {
  if (!Array.isArray(raw)) {
    errors.push('addons must be an array')
    return []
  }
  const specs: AddonSpec[] = []
  const aliasAt = new Map<string, number>()
  const nameAt = new Map<string, number>()
  raw.forEach((entry, index) => {
    const at = `addons[${index}]`
    const object: Record<string, unknown> | undefined = isObject(entry) ? entry : undefined
    if (typeof entry !== 'string' && !object) {
      errors.push(`${at} must be a string ("service" or "service:plan") or an object with a plan`)
      return
    }
    const before = errors.length
    const ref = object ? object.plan : entry
    const where = object ? `${at}.plan` : at
    let split: ReturnType<typeof splitPlanRef>
    if (typeof ref !== 'string') errors.push(`${where} must be a string ("service" or "service:plan")`)
    else if (!(split = splitPlanRef(ref))) errors.push(`${where} ${quoted(ref)} is not "service" or "service:plan"`)

    let as: string | null = null
    let name: string | null = null
    const options: Record<string, string> = {}
    if (object) {
      for (const key of Object.keys(object)) {
        if (!ADDON_KEYS.includes(key)) errors.push(`${at}.${key} is not an add-on key (plan, as, options, name)`)
      }
      if (object.as !== undefined) {
        if (typeof object.as !== 'string' || !APP_JSON_ALIAS_PATTERN.test(object.as)) {
          errors.push(`${at}.as ${quoted(object.as)} is invalid: attachment names must start with a letter and contain only uppercase letters, digits and underscores`)
        } else if (aliasAt.has(object.as)) {
          errors.push(`${at}.as ${object.as} is already used by addons[${aliasAt.get(object.as)}]`)
        } else {
          as = object.as
          aliasAt.set(as, index)
        }
      }
      if (object.name !== undefined) {
        if (typeof object.name !== 'string' || !APP_JSON_ADDON_NAME_PATTERN.test(object.name)) {
          errors.push(`${at}.name ${quoted(object.name)} is invalid: it must start with a letter and contain only letters, digits, dashes and underscores`)
        } else if (nameAt.has(object.name)) {
          errors.push(`${at}.name ${object.name} is already used by addons[${nameAt.get(object.name)}]`)
        } else {
          name = object.name
          nameAt.set(name, index)
        }
      }
      if (object.options !== undefined) {
        if (!isObject(object.options)) errors.push(`${at}.options must be an object`)
        else {
          for (const [key, value] of Object.entries(object.options)) {
            if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') options[key] = String(value)
            else errors.push(`${at}.options.${key} must be a string, number or boolean`)
          }
        }
      }
    }
    if (errors.length === before && split) specs.push({index, service: split.service, plan: split.plan, as, name, options})
  })
  return specs
}

function envSpecs(raw: unknown, errors: string[]): EnvSpec[] {
  if (!isObject(raw)) {
    errors.push('env must be an object')
    return []
  }
  const specs: EnvSpec[] = []
  for (const [name, entry] of Object.entries(raw)) {
    const at = `env.${name}`
    const before = errors.length
    if (!APP_JSON_ENV_NAME_PATTERN.test(name)) errors.push(`env name ${quoted(name)} is invalid: names may contain only letters, digits and underscores`)
    if (typeof entry === 'string') {
      if (errors.length === before) specs.push({name, value: entry, required: true, generator: null, description: null})
      continue
    }
    if (!isObject(entry)) {
      errors.push(`${at} must be a string or an object`)
      continue
    }
    for (const key of Object.keys(entry)) {
      if (!ENV_KEYS.includes(key)) errors.push(`${at}.${key} is not an env key (value, required, generator, description)`)
    }
    if (entry.value !== undefined && typeof entry.value !== 'string') errors.push(`${at}.value must be a string`)
    if (entry.required !== undefined && typeof entry.required !== 'boolean') errors.push(`${at}.required must be true or false`)
    if (entry.generator !== undefined && entry.generator !== 'secret') errors.push(`${at}.generator must be "secret"`)
    if (entry.description !== undefined && typeof entry.description !== 'string') errors.push(`${at}.description must be a string`)
    if (errors.length > before) continue
    specs.push({
      name,
      value: (entry.value as string | undefined) ?? null,
      required: (entry.required as boolean | undefined) ?? true,
      generator: entry.generator === 'secret' ? 'secret' : null,
      description: (entry.description as string | undefined) ?? null,
    })
  }
  return specs
}

// The vars that must be given a value from elsewhere: required, no value in app.json, no generator,
// and `has` says the app (or the setup's overrides) has none either.
export function missingRequiredEnv(env: EnvSpec[], has: (name: string) => boolean): string[] {
  return env.filter((e) => e.required && e.value === null && e.generator === null && !has(e.name)).map((e) => e.name)
}

// The one-line error for those vars.
export function missingEnvMessage(names: string[]): string {
  return names.length === 1
    ? `app.json requires ${names[0]}, which has no value: set it first`
    : `app.json requires ${names.join(', ')}, which have no value: set them first`
}

// What `generator: "secret"` makes: 64 hex characters, as on Heroku.
export function generateSecret(): string {
  return randomBytes(32).toString('hex')
}
