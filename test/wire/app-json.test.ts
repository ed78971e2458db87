import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {generateSecret, missingEnvMessage, missingRequiredEnv, parseAppJson, validateAppJson} from '../../src/wire/app-json.js'

// app.json as Heroku writes it: add-ons and env normalised, every problem named at once.
describe('app.json validation', () => {
  it('normalises both forms of add-ons and env, and leaves the other keys alone', () => {
    const result = validateAppJson({
      name: 'Small Sharp Tool',
      scripts: {postdeploy: 'bin/setup'},
      addons: ['kv', 'heroku-redis:mini', {plan: 'heroku-postgresql:essential-0', as: 'DATABASE', name: 'main-db', options: {version: '16', fast: true, size: 2}}],
      env: {
        RAILS_ENV: 'production',
        SECRET_KEY: {description: 'signs cookies', generator: 'secret'},
        API_TOKEN: {description: 'the partner API token'},
        OPTIONAL: {required: false},
      },
    })
    assert.deepEqual(result, {
      ok: true,
      manifest: {
        addons: [
          {index: 0, service: 'kv', plan: null, as: null, name: null, options: {}},
          {index: 1, service: 'heroku-redis', plan: 'heroku-redis:mini', as: null, name: null, options: {}},
          {index: 2, service: 'heroku-postgresql', plan: 'heroku-postgresql:essential-0', as: 'DATABASE', name: 'main-db', options: {version: '16', fast: 'true', size: '2'}},
        ],
        env: [
          {name: 'RAILS_ENV', value: 'production', required: true, generator: null, description: null},
          {name: 'SECRET_KEY', value: null, required: true, generator: 'secret', description: 'signs cookies'},
          {name: 'API_TOKEN', value: null, required: true, generator: null, description: 'the partner API token'},
          {name: 'OPTIONAL', value: null, required: false, generator: null, description: null},
        ],
      },
    })
  })

  it('an empty document is an app with nothing to do', () => {
    assert.deepEqual(validateAppJson({}), {ok: true, manifest: {addons: [], env: []}})
  })

  it('lists every problem, one line each, naming where it is', () => {
    const result = validateAppJson({
      addons: [
        42,
        'redis:mini:extra',
        {as: 'REDIS'},
        {plan: 'heroku-redis', as: 'broker'},
        {plan: 'heroku-redis', as: 'BROKER', alias: 'X'},
        {plan: 'heroku-redis', as: 'BROKER'},
        {plan: 'kv', name: '9lives', options: []},
        {plan: 'kv', name: 'cache', options: {nested: {a: 1}}},
        {plan: 'kv', name: 'cache'},
      ],
      env: {
        'BAD NAME': 'x',
        NUMBER: 5,
        WRONG: {value: 5, required: 'yes', generator: 'uuid', description: 1, sync: true},
      },
    })
    assert.deepEqual(result, {
      ok: false,
      errors: [
        'addons[0] must be a string ("service" or "service:plan") or an object with a plan',
        'addons[1] "redis:mini:extra" is not "service" or "service:plan"',
        'addons[2].plan must be a string ("service" or "service:plan")',
        'addons[3].as "broker" is invalid: attachment names must start with a letter and contain only uppercase letters, digits and underscores',
        'addons[4].alias is not an add-on key (plan, as, options, name)',
        'addons[5].as BROKER is already used by addons[4]',
        'addons[6].name "9lives" is invalid: it must start with a letter and contain only letters, digits, dashes and underscores',
        'addons[6].options must be an object',
        'addons[7].options.nested must be a string, number or boolean',
        'addons[8].name cache is already used by addons[7]',
        'env name "BAD NAME" is invalid: names may contain only letters, digits and underscores',
        'env.NUMBER must be a string or an object',
        'env.WRONG.sync is not an env key (value, required, generator, description)',
        'env.WRONG.value must be a string',
        'env.WRONG.required must be true or false',
        'env.WRONG.generator must be "secret"',
        'env.WRONG.description must be a string',
      ],
    })
  })

  it('the document itself: not JSON, not an object, addons and env of the wrong type', () => {
    assert.deepEqual(parseAppJson('{"addons": ['), {ok: false, errors: [`app.json is not valid JSON: ${jsonError('{"addons": [')}`]})
    assert.deepEqual(parseAppJson('[]'), {ok: false, errors: ['app.json must be a JSON object']})
    assert.deepEqual(validateAppJson({addons: 'redis', env: ['A']}), {ok: false, errors: ['addons must be an array', 'env must be an object']})
  })

  it('required vars without a value, unless generated, optional or present', () => {
    const parsed = validateAppJson({env: {A: {}, B: {generator: 'secret'}, C: {required: false}, D: 'd', E: {description: 'e'}, F: {value: 'f'}}})
    assert.ok(parsed.ok)
    assert.deepEqual(missingRequiredEnv(parsed.manifest.env, (name) => name === 'E'), ['A'])
    assert.equal(missingEnvMessage(['A']), 'app.json requires A, which has no value: set it first')
  })

  it('a generated secret is 64 hex characters, new every time', () => {
    const a = generateSecret()
    assert.match(a, /^[0-9a-f]{64}$/)
    assert.notEqual(a, generateSecret())
  })
})

function jsonError(text: string): string {
  try {
    JSON.parse(text)
    return ''
  } catch (error) {
    return (error as Error).message
  }
}
