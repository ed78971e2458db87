// redis under provider:serve, a platform in another process: the add-on's metrics line reaches every
// app it is attached to (the provider finds them with its partner token), and a platform that went
// away costs one warning on the provider's stderr, however many intervals pass.
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, describe, test} from 'node:test'
import type {ProviderManifest} from '../../src/providers/kit/manifest-types.js'
import {cleanEnv} from '../bin/spawn.js'
import {providerClient} from '../providers/provider-client.js'
import {killAll, platformCall, startPlatformProcess, startProvider} from './helpers/processes.js'
import {redisSkipReason} from './helpers/services.js'

const dir = mkdtempSync(join(tmpdir(), 'addonkit-serve-metrics-'))
const env = cleanEnv({ADDONKIT_DATA_DIR: join(dir, 'home')})
const metricsLine = /^\S+ served-redis\[metrics\]: source=REDIS sample#memory-used=\d+bytes sample#connected-clients=\d+$/
const warning = /redis metrics lines could not reach the platform/g

async function history(platformUrl: string, app: string): Promise<string[]> {
  const session = await platformCall<{logplex_url: string}>(platformUrl, 'POST', `/apps/${app}/log-sessions`, {lines: 1500})
  const body = await (await fetch(session.logplex_url, {headers: {accept: 'text/event-stream'}})).text()
  return body.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6))
}

async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.fail(`never happened: ${what}`)
}

describe('provider:serve redis --metrics-interval', {skip: redisSkipReason}, () => {
  after(() => {
    killAll()
    rmSync(dir, {recursive: true, force: true})
  })

  test('a line in each attached app\'s log; the platform gone is one warning', async () => {
    const provider = await startProvider(['redis', '--port', '0', '--data', join(dir, 'redis'), '--metrics-interval', '1'], env)
    const manifest = JSON.parse(readFileSync(provider.manifestPath, 'utf8')) as ProviderManifest
    assert.deepEqual(manifest.api.requires, ['log_input'])
    const platform = await startPlatformProcess(['--data', join(dir, 'platform'), '--builtins', 'none', '--manifest', provider.manifestPath], env)
    let addonId = ''
    try {
      for (const name of ['served-owner', 'served-reader']) await platformCall(platform.url, 'POST', '/apps', {name})
      addonId = (await platformCall<{id: string}>(platform.url, 'POST', '/apps/served-owner/addons', {plan: 'redis:mini', name: 'served-redis'})).id
      await platformCall(platform.url, 'POST', '/addon-attachments', {addon: 'served-redis', app: 'served-reader'})
      for (const app of ['served-owner', 'served-reader']) {
        await until(`a metrics line in ${app}'s log`, async () => (await history(platform.url, app)).some((line) => metricsLine.test(line)))
      }
    } finally {
      assert.equal(await platform.stop(), 0)
    }
    await until('a warning on the provider\'s stderr', () => (provider.stderr().match(warning) ?? []).length > 0)
    // several more intervals pass without a platform
    await new Promise((r) => setTimeout(r, 3_500))
    assert.equal((provider.stderr().match(warning) ?? []).length, 1, provider.stderr())
    assert.equal(provider.child.exitCode, null, 'the provider keeps running')
    assert.equal((await providerClient(provider.url, manifest).deprovision(addonId)).status, 204)
    assert.equal(await provider.stop(), 0)
  })
})
