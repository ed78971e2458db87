import {readFile} from 'node:fs/promises'
import {Ajv} from 'ajv'
import type {ProviderManifest} from './manifest-types.js'
import {knownRegionNames} from './regions.js'

const environment = {
  anyOf: [
    {type: 'string', minLength: 1},
    {
      type: 'object',
      required: ['base_url'],
      properties: {base_url: {type: 'string', minLength: 1}, sso_url: {type: 'string', minLength: 1}},
    },
  ],
}

// The shape the kit needs to serve a provider. Stricter checks on URLs (https in production) and
// prefixes belong to the provider checker, which reports them one by one.
export const manifestSchema = {
  type: 'object',
  required: ['id', 'api'],
  properties: {
    id: {type: 'string', pattern: '^[a-z][a-z0-9-]*$'},
    name: {type: 'string', minLength: 1},
    api: {
      type: 'object',
      required: ['config_vars', 'password', 'regions', 'production'],
      properties: {
        config_vars_prefix: {type: 'string', pattern: '^[A-Z][A-Z0-9_]*$'},
        config_vars: {type: 'array', items: {type: 'string', pattern: '^[A-Z][0-9A-Z_]+$'}},
        password: {type: 'string', minLength: 1},
        sso_salt: {type: 'string', minLength: 1},
        regions: {type: 'array', minItems: 1, items: {enum: knownRegionNames}},
        requires: {type: 'array', items: {type: 'string'}},
        version: {type: 'string'},
        production: environment,
        test: environment,
      },
    },
    plans: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'price'],
        properties: {
          name: {type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$'},
          price: {
            type: 'object',
            required: ['cents', 'unit'],
            properties: {cents: {type: 'integer', minimum: 0}, unit: {type: 'string'}},
          },
          default: {type: 'boolean'},
        },
      },
    },
  },
} as const

const validate = new Ajv({allErrors: true, strict: false}).compile(manifestSchema)

// Every problem found, one line each, e.g. "api.password must NOT have fewer than 1 characters".
export function manifestProblems(candidate: unknown): string[] {
  if (validate(candidate)) return []
  const problems = (validate.errors ?? [])
    // The branches of an either/or say nothing useful on their own; the summary below does.
    .filter((e) => !e.schemaPath.includes('/anyOf/'))
    .map((e) => {
      const where = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'manifest'
      if (e.keyword === 'anyOf') return `${where} must be a URL or an object with base_url (and sso_url)`
      const allowed = e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : ''
      return `${where} ${e.message}${allowed}`
    })
  return [...new Set(problems)]
}

export function validateManifest(candidate: unknown): ProviderManifest {
  const problems = manifestProblems(candidate)
  if (problems.length > 0) throw new Error(`invalid manifest: ${problems.join('; ')}`)
  return candidate as ProviderManifest
}

export async function loadManifest(path: string): Promise<ProviderManifest> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new Error(`cannot read manifest ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new Error(`manifest ${path} is not valid JSON`)
  }
  return validateManifest(parsed)
}
