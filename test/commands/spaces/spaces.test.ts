import assert from 'node:assert/strict'
import {afterEach, describe, it} from 'node:test'
import nock from 'nock'
import {API, runCli} from '../../helpers/cli.js'

const space = (name: string, region = 'virginia') => ({
  id: `id-${name}`,
  name,
  region: {id: `r-${region}`, name: region},
  shield: false,
  state: 'allocated',
  team: null,
  created_at: '2026-11-02T10:00:00Z',
  updated_at: '2026-11-02T10:00:00Z',
})

describe('spaces', () => {
  afterEach(() => nock.cleanAll())

  it('lists the spaces in a table', async () => {
    const scope = nock(API).get('/spaces').reply(200, [space('tokyo-space', 'tokyo'), space('example-space')])
    const {stdout, exitCode} = await runCli(['spaces'])
    assert.equal(exitCode, 0)
    assert.equal(
      stdout,
      [
        'Name           Team  Region    State      Created At',
        '-------------  ----  --------  ---------  ----------------------',
        'example-space        virginia  allocated  2026-11-02T10:00:00Z',
        'tokyo-space          tokyo     allocated  2026-11-02T10:00:00Z',
        '',
      ].join('\n'),
    )
    scope.done()
  })

  it('says so when there are none; --json prints the raw array', async () => {
    const scope = nock(API).get('/spaces').reply(200, []).get('/spaces').reply(200, [space('example-space')])
    assert.equal((await runCli(['spaces'])).stdout, 'You do not have access to any spaces.\n')
    assert.deepEqual(JSON.parse((await runCli(['spaces', '--json'])).stdout), [space('example-space')])
    scope.done()
  })
})

describe('spaces:create', () => {
  afterEach(() => nock.cleanAll())

  it('creates the space and prints it', async () => {
    const scope = nock(API).post('/spaces', {name: 'example-space', region: 'virginia'}).reply(201, space('example-space'))
    const {stdout, stderr, exitCode} = await runCli(['spaces:create', 'example-space', '--region', 'virginia'])
    assert.equal(exitCode, 0)
    assert.match(stderr, /Creating space example-space in region virginia\.\.\. done\n/)
    assert.equal(
      stdout,
      [
        '=== example-space',
        'ID:         id-example-space',
        'Team:',
        'Region:     virginia',
        'State:      allocated',
        'Shield:     off',
        'Created at: 2026-11-02T10:00:00Z',
        '',
      ].join('\n'),
    )
    scope.done()
  })

  it('--json prints the space', async () => {
    const scope = nock(API).post('/spaces', {name: 'example-space', region: 'virginia', team: 'acme'}).reply(201, space('example-space'))
    const {stdout, exitCode} = await runCli(['spaces:create', 'example-space', '--region', 'virginia', '--team', 'acme', '--json'])
    assert.equal(exitCode, 0)
    assert.deepEqual(JSON.parse(stdout), space('example-space'))
    scope.done()
  })

  it('a region without Private Spaces shows the API message and exits 1', async () => {
    const message = 'Region us cannot host Private Spaces; choose one of: virginia, tokyo.'
    const scope = nock(API).post('/spaces').reply(422, {id: 'invalid_params', message})
    const {stderr, exitCode} = await runCli(['spaces:create', 'example-space', '--region', 'us'])
    assert.equal(exitCode, 1)
    assert.match(stderr, /\nError: Region us cannot host Private Spaces; choose one of: virginia, tokyo\.\n$/)
    scope.done()
  })

  it('--region is required', async () => {
    // nothing is mocked: a request would fail the test with a different exit code
    const {exitCode} = await runCli(['spaces:create', 'example-space'])
    assert.equal(exitCode, 2)
  })
})
