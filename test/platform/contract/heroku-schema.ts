import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import AjvModule, {type ValidateFunction} from 'ajv'
import formatsModule from 'ajv-formats'

// Heroku's published Platform API schema (the JSON hyper-schema heroku-go v6 is generated from),
// kept as a test fixture so the contract is checked on every clone; ADDONKIT_HEROKU_SCHEMA points
// at another copy (a newer one, say).
const here = dirname(fileURLToPath(import.meta.url))
export const SCHEMA_PATH = process.env.ADDONKIT_HEROKU_SCHEMA ?? join(here, '../../fixtures/heroku/platform-api-schema.json')
export const schemaAvailable = existsSync(SCHEMA_PATH)

type Node = Record<string, any>

// The keywords that say what an answer holds. The rest of the interagent hyper-schema (links, example,
// readOnly, stability, strictProperties, draft-04 `id`/`$schema`) describes the API, not a body.
const KEPT = ['type', 'enum', 'format', 'pattern']

// Patterns that pin a value to Heroku's own hosts (web_url on herokuapp.com, git_url on git.heroku.com).
// The local platform must not hand out addresses that lead to somebody's real Heroku app, so its values
// keep its own host: these patterns are not part of the contract we check.
const hostSpecific = (pattern: string) => /heroku/i.test(pattern)

// One resource's schema, made fit for a draft-07 validator: every `$ref` inlined, every property of
// every object required (the schema marks almost none required, yet Heroku's answers carry them all).
export class HerokuSchema {
  private readonly root: Node
  private readonly ajv
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(path = SCHEMA_PATH) {
    this.root = JSON.parse(readFileSync(path, 'utf8')) as Node
    // draft-04's keywords we keep mean the same in draft-07; strict off because the schema puts
    // `properties` on arrays (add-on `actions`)
    this.ajv = new AjvModule.default({strict: false, allErrors: true})
    formatsModule.default(this.ajv, ['date-time', 'uuid', 'email', 'uri'])
  }

  // `resource` names a definition ("app") or a path under the root ("config-var/definitions/config_vars").
  definition(resource: string): Node {
    return this.build(this.at(`#/definitions/${resource}`), [])
  }

  validator(resource: string, adjust: (schema: Node) => void = () => {}): ValidateFunction {
    const schema = this.definition(resource)
    adjust(schema)
    return this.ajv.compile(schema)
  }

  /**
   * Asserts that an answer is a `resource`: the body, or each item of a list (an empty list proves
   * nothing), one line per problem. `definition` is where the schema keeps it when not under its own
   * name; `adjust` widens it where the platform, like Heroku, answers beyond it. Compiled once per
   * resource: give the same options for a resource every time.
   */
  assertConforms(resource: string, body: unknown, where: string, options: {definition?: string; adjust?: (schema: Node) => void} = {}): void {
    let validate = this.compiled.get(resource)
    if (!validate) {
      validate = this.validator(options.definition ?? resource, options.adjust)
      this.compiled.set(resource, validate)
    }
    const items = Array.isArray(body) ? body : [body]
    if (Array.isArray(body)) assert.ok(body.length > 0, `${where}: an empty list proves nothing`)
    for (const [i, item] of items.entries()) {
      const ok = validate(item)
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`)
      assert.ok(ok, `${where}${Array.isArray(body) ? `[${i}]` : ''} is not a ${resource}:\n  ${errors.join('\n  ')}`)
    }
  }

  private at(ref: string): Node {
    let node: any = this.root
    for (const part of ref.replace(/^#\//, '').split('/')) {
      node = node?.[decodeURIComponent(part)]
      if (node === undefined) throw new Error(`the schema has no ${ref}`)
    }
    return node as Node
  }

  private build(node: Node, seen: string[]): Node {
    if (typeof node.$ref === 'string') {
      // a resource that (through others) contains itself would recurse forever: accept anything there
      if (seen.includes(node.$ref)) return {}
      return this.build(this.at(node.$ref), [...seen, node.$ref])
    }
    const out: Node = {}
    for (const key of KEPT) if (node[key] !== undefined) out[key] = node[key]
    if (typeof out.pattern === 'string' && hostSpecific(out.pattern)) delete out.pattern
    if (node.properties) {
      out.properties = Object.fromEntries(Object.entries(node.properties as Node).map(([name, sub]) => [name, this.build(sub as Node, seen)]))
      const types: string[] = [node.type ?? 'object'].flat()
      if (types.includes('object')) out.required = [...new Set([...(node.required ?? []), ...Object.keys(node.properties as Node)])]
    }
    if (node.patternProperties) {
      out.patternProperties = Object.fromEntries(Object.entries(node.patternProperties as Node).map(([p, sub]) => [p, this.build(sub as Node, seen)]))
    }
    if (node.additionalProperties !== undefined) {
      out.additionalProperties = typeof node.additionalProperties === 'object' ? this.build(node.additionalProperties as Node, seen) : node.additionalProperties
    }
    if (node.items) out.items = this.build(node.items as Node, seen)
    for (const key of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(node[key])) out[key] = (node[key] as Node[]).map((sub) => this.build(sub, seen))
    return out
  }
}
