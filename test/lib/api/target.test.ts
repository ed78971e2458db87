import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, it} from 'node:test'
import {HEROKU_API_URL, resolveTarget} from '../../../src/lib/api/target.js'

describe('resolveTarget', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-target-'))
  after(() => rmSync(dir, {recursive: true, force: true}))
  const netrc = join(dir, 'netrc')
  writeFileSync(netrc, 'machine api.heroku.com\n  login me@example.com\n  password netrc-token\n')
  const noPlatform = {ADDONKIT_DATA_DIR: join(dir, 'none'), NETRC: netrc}

  it('defaults to Heroku with the netrc token for its host', () => {
    const env = {...noPlatform}
    withEnv(env, () => assert.deepEqual(resolveTarget(env), {url: HEROKU_API_URL, token: 'netrc-token', source: 'netrc'}))
  })

  it('finds the local platform and its key once platform:start has written platform.json', () => {
    const data = join(dir, 'platform')
    mkdirSync(data, {recursive: true})
    writeFileSync(join(data, 'platform.json'), JSON.stringify({url: 'http://127.0.0.1:5000', api_key: 'local-key', email: 'dev@x', pid: 1}))
    const env = {ADDONKIT_DATA_DIR: data, NETRC: netrc}
    withEnv(env, () => assert.deepEqual(resolveTarget(env), {url: 'http://127.0.0.1:5000', token: 'local-key', source: 'platform'}))
  })

  it('ADDONKIT_API_URL and ADDONKIT_API_KEY win over everything', () => {
    const env = {...noPlatform, ADDONKIT_API_URL: 'https://api.example.com/', ADDONKIT_API_KEY: 'env-key'}
    withEnv(env, () => assert.deepEqual(resolveTarget(env), {url: 'https://api.example.com', token: 'env-key', source: 'env'}))
  })

  it('no token anywhere is reported as such, not guessed', () => {
    const env = {...noPlatform, ADDONKIT_API_URL: 'https://api.example.com'}
    withEnv(env, () => assert.deepEqual(resolveTarget(env), {url: 'https://api.example.com', source: 'none'}))
  })
})

// resolveTarget reads the data dir and netrc paths from process.env (through dataDir() and netrc-parser)
function withEnv(env: Record<string, string>, fn: () => void): void {
  const saved = {...process.env}
  for (const key of ['ADDONKIT_DATA_DIR', 'NETRC', 'ADDONKIT_API_URL', 'ADDONKIT_API_KEY']) delete process.env[key]
  Object.assign(process.env, env)
  try {
    fn()
  } finally {
    process.env = saved
  }
}
