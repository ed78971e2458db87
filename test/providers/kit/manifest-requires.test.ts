import assert from 'node:assert/strict'
import {test} from 'node:test'
import {findManifestProblems, validateManifest} from '../../../src/providers/kit/index.js'
import {testManifest} from '../../fixtures/provider-tooling/test-provider.js'

const withRequires = (requires: unknown) => {
  const manifest = testManifest('http://localhost:4567') as unknown as {api: Record<string, unknown>}
  return {...manifest, api: {...manifest.api, requires}}
}

test('api.requires takes the log capabilities and the other known requirements', () => {
  for (const requires of [[], ['log_input'], ['syslog_drain'], ['log_input', 'syslog_drain'], ['many_per_app'], ['deploy_notify']]) {
    assert.deepEqual(findManifestProblems(withRequires(requires)), [], JSON.stringify(requires))
  }
  assert.deepEqual(findManifestProblems({...withRequires(undefined)}), [])
})

test('api.requires refuses what no platform offers, naming each value and what is known, strict or not', () => {
  const problems = ['api.requires contains "log_inputs": use log_input, syslog_drain, many_per_app, deploy_notify', 'api.requires contains "syslog": use log_input, syslog_drain, many_per_app, deploy_notify']
  assert.deepEqual(findManifestProblems(withRequires(['log_inputs', 'syslog_drain', 'syslog'])), problems)
  assert.deepEqual(findManifestProblems(withRequires(['log_inputs', 'syslog_drain', 'syslog']), {strict: false}), problems)
  assert.throws(() => validateManifest(withRequires(['log_inputs'])), {message: 'invalid manifest: api.requires contains "log_inputs": use log_input, syslog_drain, many_per_app, deploy_notify'})
  assert.deepEqual(findManifestProblems(withRequires('log_input')), ['api.requires must be an array of strings'])
  assert.deepEqual(findManifestProblems(withRequires([7])), ['api.requires must be an array of strings'])
})
