import assert from 'node:assert/strict'
import {after, before, describe, it} from 'node:test'
import {runCli} from '../../helpers/cli.js'
import {startTestProvider, type ProviderFault, type TestProvider} from '../../fixtures/provider-tooling/test-provider.js'
import {checkLines, failed, passed, warned} from './checks-output.js'

const provisionChecks = [
  'provision response is 200, 201 or 202',
  'provision response is valid JSON',
  'wrong credentials get 401 on POST',
  'response contains an id',
  'config is an object',
  'config vars are declared in the manifest',
  'config values are strings',
  '*_URL config vars are URLs with a host',
  'same uuid returns the same id',
  'unknown plan gets 422',
  'unknown region gets 422',
  '422 answers carry a message',
]
const planChangeChecks = [
  'plan change response is 2xx',
  'plan change response is valid JSON',
  'plan change config is an object',
  'plan change config vars are declared in the manifest',
  'plan change config values are strings',
  'plan change *_URL config vars are URLs with a host',
  'wrong credentials get 401 on PUT',
]
const ssoChecks = ['SSO with a good token logs in', 'SSO sets a cookie', 'SSO refuses a bad token with 403', 'SSO refuses a stale timestamp with 403']
const deprovisionChecks = ['deprovision response is 2xx', 'wrong credentials get 401 on DELETE']
const allChecks = ['manifest is valid', ...provisionChecks, ...planChangeChecks, ...ssoChecks, ...deprovisionChecks]

describe('provider:test against a provider that does everything right', () => {
  let provider: TestProvider
  let manifest: string
  before(async () => {
    provider = await startTestProvider()
    manifest = await provider.writeManifest()
  })
  after(() => provider.close())

  it('all: every check passes, in order, and nothing is left on the provider', async () => {
    const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', manifest])
    assert.equal(exitCode, 0)
    const lines = checkLines(stdout)
    assert.deepEqual(lines.map((l) => l.name), allChecks)
    assert.ok(lines.every((l) => l.ok))
    for (const line of stdout.split('\n').filter((l) => l.includes('Check '))) assert.match(line, /\[PASS\]$/)
    assert.match(stdout, /^Testing POST \/heroku\/resources$/m)
    assert.match(stdout, /^ {4}201: provisioned synchronously$/m)
    assert.match(stdout, /^All 26 checks passed\.$/m)
    assert.equal(provider.resources.size, 0)
  })

  it('sends the v3 provision request: body, Basic auth, Accept header', async () => {
    const seen: {headers: Record<string, unknown>; body: Record<string, unknown>}[] = []
    const spy = await startTestProvider()
    const path = await spy.writeManifest()
    // record the first provision as it arrives
    const original = globalThis.fetch
    globalThis.fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/heroku/resources')) {
        seen.push({headers: init.headers as Record<string, unknown>, body: JSON.parse(String(init.body))})
      }
      return original(input, init)
    }
    try {
      await runCli(['provider:test', 'provision', '--manifest', path, '--region', 'eu', '--', 'size=large'])
    } finally {
      globalThis.fetch = original
      await spy.close()
    }
    const {headers, body} = seen[0]
    assert.equal(headers.authorization, `Basic ${Buffer.from(`myaddon:${spy.manifest.api.password}`).toString('base64')}`)
    assert.equal(headers.accept, 'application/vnd.heroku-addons+json; version=3')
    assert.deepEqual(Object.keys(body).sort(), ['callback_url', 'log_input_url', 'name', 'oauth_grant', 'options', 'plan', 'region', 'uuid'])
    assert.equal(body.plan, 'test')
    assert.equal(body.region, 'amazon-web-services::eu-west-1')
    assert.deepEqual(body.options, {size: 'large'})
    assert.equal((body.oauth_grant as {type: string}).type, 'authorization_code')
    assert.match(String(body.uuid), /^[0-9a-f-]{36}$/)
  })

  it('provision keeps its resource; planchange, sso and deprovision then work on its id', async () => {
    const provision = await runCli(['provider:test', 'provision', '--manifest', manifest])
    assert.equal(provision.exitCode, 0)
    const id = /^Resource (\S+) stays provisioned/m.exec(provision.stdout)?.[1]
    assert.ok(id && provider.resources.has(id), provision.stdout)
    assert.equal(provider.resources.size, 1, 'only the resource under test is left')

    const planchange = await runCli(['provider:test', 'planchange', id, 'premium', '--manifest', manifest])
    assert.equal(planchange.exitCode, 0, planchange.stdout)
    assert.equal(provider.resources.get(id)?.plan, 'premium')
    const sso = await runCli(['provider:test', 'sso', id, '--manifest', manifest])
    assert.deepEqual(checkLines(sso.stdout).map((l) => l.name), ['manifest is valid', ...ssoChecks])
    assert.equal(sso.exitCode, 0, sso.stdout)
    const deprovision = await runCli(['provider:test', 'deprovision', id, '--manifest', manifest])
    assert.equal(deprovision.exitCode, 0, deprovision.stdout)
    assert.equal(provider.resources.size, 0)
  })

  it('--json prints {checks, ok} and nothing else', async () => {
    const {stdout, exitCode} = await runCli(['provider:test', 'all', '--json', '--manifest', manifest])
    assert.equal(exitCode, 0)
    const result = JSON.parse(stdout) as {checks: {name: string; ok: boolean; reason?: string}[]; ok: boolean}
    assert.equal(result.ok, true)
    assert.deepEqual(result.checks.map((c) => c.name), allChecks)
    assert.deepEqual(result.checks[1], {name: 'provision response is 200, 201 or 202', ok: true, severity: 'must', note: '201: provisioned synchronously'})
    const goodPractice = result.checks.filter((c) => (c as {severity?: string}).severity === 'should').map((c) => c.name)
    assert.deepEqual(goodPractice, ['unknown plan gets 422', 'unknown region gets 422', '422 answers carry a message', 'SSO sets a cookie'])
  })

  it('wrong usage is a usage error', async () => {
    const missingId = await runCli(['provider:test', 'planchange', 'only-an-id', '--manifest', manifest])
    assert.equal(missingId.exitCode, 2)
    assert.match(missingId.stderr, /usage: provider:test planchange ID PLAN/)
    const badOption = await runCli(['provider:test', 'provision', '--manifest', manifest, '--', 'novalue'])
    assert.equal(badOption.exitCode, 2)
    assert.match(badOption.stderr, /novalue is not an option: use KEY=VALUE/)
  })
})

describe('provider:test tells async from sync provisioning and plays the platform for a 202', () => {
  const asyncChecks = [
    'async: the grant is exchanged for a token',
    'async: provisioning ends with actions/provision',
    'async config is an object',
    'async config vars are declared in the manifest',
    'async config values are strings',
    'async *_URL config vars are URLs with a host',
  ]
  const providers: TestProvider[] = []
  after(async () => {
    for (const provider of providers) await provider.close()
  })

  it('a 202 passes, and the provider finishing through the partner API passes the async checks', async () => {
    const provider = await startTestProvider({async: true})
    providers.push(provider)
    const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', await provider.writeManifest()])
    assert.equal(exitCode, 0, stdout)
    assert.match(stdout, /Check provision response is 200, 201 or 202 \.\.\. \[PASS\]\n {4}202: provisioning asynchronously/)
    assert.match(stdout, /Testing the partner API at http:\/\/127\.0\.0\.1:\d+ \(finishing the 202\)/)
    const lines = checkLines(stdout)
    assert.ok(!lines.some((l) => l.name === 'config is an object'), 'no config to check in a 202')
    for (const name of asyncChecks) assert.ok(lines.some((l) => l.name === name && l.ok), `${name} passed`)
    assert.equal(provider.resources.size, 0)
  })

  it('a provider that never finishes fails the async check after --async-timeout', async () => {
    const provider = await startTestProvider({async: true, asyncFinishes: false})
    providers.push(provider)
    const {stdout, exitCode} = await runCli(['provider:test', 'provision', '--async-timeout', '1', '--manifest', await provider.writeManifest()])
    assert.equal(exitCode, 1)
    assert.deepEqual(failed(checkLines(stdout)), ['async: the grant is exchanged for a token', 'async: provisioning ends with actions/provision'])
    assert.match(stdout, /neither actions\/provision nor actions\/deprovision within 1 s/)
  })
})

describe('provider:test catches each broken behaviour with exactly the check that names it', () => {
  // the checks that must fail; every other check that runs must pass
  const cases: [ProviderFault, string[]][] = [
    ['no-auth', ['wrong credentials get 401 on POST', 'wrong credentials get 401 on PUT', 'wrong credentials get 401 on DELETE']],
    ['auth-only-on-post', ['wrong credentials get 401 on PUT', 'wrong credentials get 401 on DELETE']],
    ['undeclared-config-var', ['config vars are declared in the manifest', 'plan change config vars are declared in the manifest']],
    ['non-string-value', ['config values are strings', 'plan change config values are strings']],
    ['url-not-a-url', ['*_URL config vars are URLs with a host', 'plan change *_URL config vars are URLs with a host']],
    ['not-idempotent', ['same uuid returns the same id']],
    ['sso-accepts-bad-token', ['SSO refuses a bad token with 403']],
    ['sso-accepts-stale', ['SSO refuses a stale timestamp with 403']],
    ['invalid-json', ['provision response is valid JSON']],
    ['error-500', ['provision response is 200, 201 or 202']],
  ]
  // a provision that gives no usable answer leaves nothing for plan change, SSO and deprovision
  const stopsAfterProvision = new Set<ProviderFault>(['invalid-json', 'error-500'])

  for (const [fault, expectedFailures] of cases) {
    it(fault, async () => {
      const provider = await startTestProvider({fault})
      try {
        const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', await provider.writeManifest()])
        const lines = checkLines(stdout)
        assert.deepEqual(failed(lines), expectedFailures, stdout)
        const mustPass = stopsAfterProvision.has(fault)
          ? ['manifest is valid', 'wrong credentials get 401 on POST', 'unknown plan gets 422', 'unknown region gets 422', '422 answers carry a message']
          : allChecks.filter((name) => !expectedFailures.includes(name))
        assert.deepEqual(passed(lines).filter((name) => mustPass.includes(name)).sort(), [...mustPass].sort(), stdout)
        for (const name of expectedFailures) assert.match(stdout, new RegExp(`Check ${name.replace(/[*.]/g, '\\$&')} \\.\\.\\. \\[FAIL\\]\\n {4}\\S`))
        assert.equal(exitCode, 1)
        assert.equal(provider.resources.size, 0, `the checker removes what it created\n${provider.requests.join('\n')}`)
      } finally {
        await provider.close()
      }
    })
  }

  it('names the reason under the failed check', async () => {
    const provider = await startTestProvider({fault: 'undeclared-config-var'})
    try {
      const {stdout} = await runCli(['provider:test', 'provision', '--manifest', await provider.writeManifest()])
      assert.match(stdout, /Check config vars are declared in the manifest \.\.\. \[FAIL\]\n {4}MYADDON_OTHER_URL is not in the manifest\n/)
    } finally {
      await provider.close()
    }
  })
})

describe('provider:test warns, and passes, where a provider misses only good practice', () => {
  // Heroku sends a provider only the plans and regions its manifest lists, and kensa 3.1 passes a
  // provider that takes an unknown plan: refusing one is good practice, not a requirement.
  const cases: [ProviderFault, string, RegExp][] = [
    ['no-422-for-bad-plan', 'unknown plan gets 422', /^expected 422, got 201\b/],
    ['no-message-on-422', '422 answers carry a message', /^a 422 answer has no "message" for the user/],
  ]
  for (const [fault, name, reason] of cases) {
    it(`${fault}: [WARN], every requirement met, exit 0`, async () => {
      const provider = await startTestProvider({fault})
      try {
        const manifest = await provider.writeManifest()
        const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', manifest])
        assert.equal(exitCode, 0, stdout)
        assert.deepEqual(warned(stdout), [name])
        assert.deepEqual(failed(checkLines(stdout)), [])
        assert.match(stdout, new RegExp(`^ {2}Check ${name} \\.\\.\\. \\[WARN\\]$`, 'm'))
        assert.match(stdout, new RegExp(`^ {4}${reason.source.slice(1)}`, 'm'))
        assert.match(stdout, /^ {4}\(good practice, not required by Heroku: does not fail the run\)$/m)
        assert.match(stdout, /^All 26 checks passed \(1 with a warning\)\.$/m)
        assert.match(stdout, /^\[WARN\] marks good practice that Heroku does not require; only \[FAIL\] \(what it requires\) makes the exit code non-zero\.$/m)

        const json = await runCli(['provider:test', 'all', '--json', '--manifest', manifest])
        assert.equal(json.exitCode, 0)
        const result = JSON.parse(json.stdout) as {ok: boolean; checks: {name: string; ok: boolean; severity: string; warning?: string}[]}
        assert.equal(result.ok, true)
        const check = result.checks.find((c) => c.name === name)!
        assert.equal(check.severity, 'should')
        assert.equal(check.ok, true)
        assert.match(check.warning ?? '', reason)
        assert.equal(provider.resources.size, 0)
      } finally {
        await provider.close()
      }
    })
  }

  it('a warning and a failure together: the failure decides the exit code', async () => {
    const provider = await startTestProvider({fault: 'no-auth'})
    try {
      const {stdout, exitCode} = await runCli(['provider:test', 'provision', '--manifest', await provider.writeManifest()])
      assert.equal(exitCode, 1)
      assert.deepEqual(failed(checkLines(stdout)), ['wrong credentials get 401 on POST'])
    } finally {
      await provider.close()
    }
  })
})

describe('provider:test when the provider or manifest is unusable', () => {
  it('fails the checks with "unable to connect" when nothing listens', async () => {
    const provider = await startTestProvider()
    const manifest = await provider.writeManifest()
    await provider.close()
    const {stdout, exitCode} = await runCli(['provider:test', 'provision', '--manifest', manifest])
    assert.equal(exitCode, 1)
    assert.match(stdout, /Check provision response is 200, 201 or 202 \.\.\. \[FAIL\]\n {4}unable to connect to http:\/\/127\.0\.0\.1:\d+\/heroku\/resources \(ECONNREFUSED\)/)
  })

  it('stops at the manifest check and lists its problems', async () => {
    const provider = await startTestProvider()
    try {
      const {writeFile} = await import('node:fs/promises')
      const path = await provider.writeManifest()
      await writeFile(path, JSON.stringify({...provider.manifest, api: {...provider.manifest.api, password: ''}}))
      const {stdout, exitCode} = await runCli(['provider:test', 'all', '--manifest', path])
      assert.equal(exitCode, 1)
      assert.deepEqual(checkLines(stdout), [{name: 'manifest is valid', ok: false}])
      assert.match(stdout, /api\.password must be a non-empty string/)
      assert.deepEqual(provider.requests, [])
    } finally {
      await provider.close()
    }
  })
})
