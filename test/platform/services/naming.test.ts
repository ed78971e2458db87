import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ADDON_NAME_PATTERN, aliasCandidates, generateAddonName, validateAlias} from '../../../src/platform/services/naming.js'
import {appVarName, attachmentVars, declaredVarNames} from '../../../src/platform/services/attachment-vars.js'

test('generated add-on names: service slug without heroku-, an adjective, 5 digits', () => {
  for (let i = 0; i < 50; i++) {
    const name = generateAddonName('heroku-redis')
    assert.match(name, /^redis-[a-z]+-\d{5}$/)
    assert.match(name, ADDON_NAME_PATTERN)
  }
  assert.match(generateAddonName('heroku-postgresql-keiko'), /^postgresql-keiko-[a-z]+-\d{5}$/)
})

test('alias candidates: provider default, then SERVICE_COLOUR from the palette', () => {
  const it = aliasCandidates('REDIS', 'heroku-redis')
  assert.deepEqual([it.next().value, it.next().value, it.next().value], ['REDIS', 'HEROKU_REDIS_ROSE', 'HEROKU_REDIS_AQUA'])
})

test('alias pattern: upper case, starts with a letter', () => {
  assert.equal(validateAlias('BROKER'), undefined)
  assert.equal(validateAlias('SESSION_STORE2'), undefined)
  for (const bad of ['broker', '1BROKER', 'BRO-KER', '']) assert.ok(validateAlias(bad), bad)
})

test('attachment var names: the alias replaces the provider prefix', () => {
  assert.equal(appVarName('BROKER', 'REDIS', 'REDIS_URL'), 'BROKER_URL')
  assert.equal(appVarName('DB', 'HEROKU_POSTGRESQL', 'HEROKU_POSTGRESQL_URL'), 'DB_URL')
  assert.equal(appVarName('X', 'FOO', 'FOO'), 'X')
  const manifest = {id: 'example-service', api: {config_vars: ['EXAMPLESERVICE_USERNAME', 'EXAMPLESERVICE_PASSWORD'], config_vars_prefix: 'EXAMPLESERVICE', password: 'p', regions: ['us'], production: 'https://x'}}
  assert.deepEqual(declaredVarNames('EXAMPLESERVICE', manifest), ['EXAMPLESERVICE_USERNAME', 'EXAMPLESERVICE_PASSWORD'])
  assert.deepEqual(attachmentVars('API', manifest, {EXAMPLESERVICE_USERNAME: 'u'}), {API_USERNAME: 'u'})
})
