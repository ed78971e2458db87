process.env.TZ = 'UTC'
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {describeRelease, formatReleaseConfigVars, formatReleaseInfo, formatReleaseList, formatWhen} from '../../../src/lib/releases/format.js'
import {fakeRelease} from './fakes.js'

const NOW = Date.parse('2026-01-05T12:00:00Z')

test('when: local time with its offset, and how long ago within the last day', () => {
  assert.equal(formatWhen('2026-01-05T11:59:30Z', NOW), '2026/01/05 11:59:30 +0000 (~ 30s ago)')
  assert.equal(formatWhen('2026-01-05T11:15:00Z', NOW), '2026/01/05 11:15:00 +0000 (~ 45m ago)')
  assert.equal(formatWhen('2026-01-05T10:00:00Z', NOW), '2026/01/05 10:00:00 +0000 (~ 2h ago)')
  assert.equal(formatWhen('2026-01-01T08:05:09Z', NOW), '2026/01/01 08:05:09 +0000')
  assert.equal(formatWhen('not a time', NOW), 'not a time')
})

test('a release that did not simply succeed says so after its description', () => {
  assert.equal(describeRelease({description: 'Set A config vars', status: 'succeeded'}), 'Set A config vars')
  assert.equal(describeRelease({description: 'Deploy 1a2b', status: 'failed'}), 'Deploy 1a2b (release command failed)')
  assert.equal(describeRelease({description: 'Deploy 1a2b', status: 'pending'}), 'Deploy 1a2b (release command executing)')
})

test('the list: header with the current version, then aligned rows newest first', () => {
  const lines = formatReleaseList('example-app', [
    fakeRelease(9, {current: true, description: 'Rollback to v7', created_at: '2026-01-05T11:00:00Z'}),
    fakeRelease(10, {description: 'never current', user: {id: 'x', email: 'a@b.c'}}),
    fakeRelease(8, {description: 'Attach REDIS (@ref:important-redis)'}),
  ], NOW)
  assert.deepEqual(lines, [
    '=== example-app Releases - Current: v9',
    'v10  never current                        a@b.c              2026/01/05 10:00:00 +0000 (~ 2h ago)',
    'v9   Rollback to v7                       owner@example.com  2026/01/05 11:00:00 +0000 (~ 1h ago)',
    'v8   Attach REDIS (@ref:important-redis)  owner@example.com  2026/01/05 10:00:00 +0000 (~ 2h ago)',
  ])
  assert.deepEqual(formatReleaseList('example-app', [], NOW), ['example-app has no releases.'])
  assert.equal(formatReleaseList('example-app', [fakeRelease(1)], NOW)[0], '=== example-app Releases')
})

test('info: the heroku CLI keys, add-ons one per line', () => {
  assert.deepEqual(formatReleaseInfo(fakeRelease(5, {current: true, addon_plan_names: ['kv:free', 'heroku-redis:mini']}), NOW), [
    '=== Release v5',
    'Add-ons:                heroku-redis:mini',
    '                        kv:free',
    'By:                     owner@example.com',
    'Change:                 Set V5 config vars',
    'Current:                Yes',
    'Eligible for Rollback?: Yes',
    'When:                   2026/01/05 10:00:00 +0000 (~ 2h ago)',
  ])
})

test("a release's config vars: aligned, as shell lines, or the platform's reason they are missing", () => {
  assert.deepEqual(formatReleaseConfigVars(5, {vars: {FOO: 'a b', LONGER: 'x'}}, false), ['=== v5 Config vars', 'FOO:    a b', 'LONGER: x'])
  assert.deepEqual(formatReleaseConfigVars(5, {vars: {FOO: 'a b'}}, true), ['=== v5 Config vars', "FOO='a b'"])
  assert.deepEqual(formatReleaseConfigVars(1, {unavailable: 'v1 did not record its config vars.'}, false), ['=== v1 Config vars', 'v1 did not record its config vars.'])
})
