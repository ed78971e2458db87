import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../helpers/cli.js'

const region = (name: string, description: string, privateCapable: boolean) => ({
  id: `id-${name}`,
  name,
  description,
  country: '',
  locale: '',
  private_capable: privateCapable,
  provider: {name: 'amazon-web-services', region: 'us-east-1'},
})
const regions = [
  region('virginia', 'Virginia, United States', true),
  region('us', 'United States', false),
  region('eu', 'Europe', false),
  region('tokyo', 'Tokyo, Japan', true),
]

describe('regions', () => {
  afterEach(() => nock.cleanAll())

  it('lists Common Runtime regions, then Private Spaces ones', async () => {
    const scope = nock(API).get('/regions').reply(200, regions)
    const {stdout, exitCode} = await runCli(['regions'])
    assert.equal(exitCode, 0)
    assert.equal(
      stdout,
      [
        'ID        Location                 Runtime',
        '--------  -----------------------  ----------------',
        'eu        Europe                   Common Runtime',
        'us        United States            Common Runtime',
        'tokyo     Tokyo, Japan             Private Spaces',
        'virginia  Virginia, United States  Private Spaces',
        '',
      ].join('\n'),
    )
    scope.done()
  })

  it('--private and --common filter; --json prints the chosen regions', async () => {
    const scope = nock(API).get('/regions').times(2).reply(200, regions)
    const privateOnes = await runCli(['regions', '--private', '--json'])
    assert.deepEqual((JSON.parse(privateOnes.stdout) as Array<{name: string}>).map((r) => r.name), ['tokyo', 'virginia'])
    const common = await runCli(['regions', '--common'])
    assert.equal(
      common.stdout,
      ['ID  Location       Runtime', '--  -------------  ----------------', 'eu  Europe         Common Runtime', 'us  United States  Common Runtime', ''].join('\n'),
    )
    scope.done()
  })

  it('--private and --common together are a usage error', async () => {
    const {exitCode} = await runCli(['regions', '--private', '--common'])
    assert.equal(exitCode, 2)
  })
})
