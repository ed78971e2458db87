// The real `heroku` CLI (npm heroku@11) reading releases and rolling back on the local platform.
import assert from 'node:assert/strict'
import {before, describe, it} from 'node:test'
import {herokuCompat, skipWithoutHeroku} from './harness.js'

describe('the real heroku CLI: releases, releases:info, releases:rollback', {skip: skipWithoutHeroku}, () => {
  const {heroku, api} = herokuCompat({seedProvider: true})

  before(async () => {
    await api('PATCH', '/apps/example-app/config-vars', {FOO: 'one'}) // v1
    await api('PATCH', '/apps/example-app/config-vars', {BAR: 'two'}) // v2
    await api('POST', '/apps/example-app/addons', {plan: 'heroku-redis', name: 'important-redis'}) // v3
    await api('PATCH', '/apps/example-app/config-vars', {FOO: 'three'}) // v4
  })

  it('releases lists the versions, newest first, naming the current one', async () => {
    const r = await heroku('releases', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /=== example-app Releases - Current: v4/)
    assert.match(r.stdout, /v4\s+Set FOO config vars\s+compat@example\.com\s+\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/)
    assert.match(r.stdout, /v3\s+Attach REDIS \(@ref:important-redis\)\s+compat@example\.com/)
    const versions = [...r.stdout.matchAll(/^\s*v(\d+)\s/gm)].map((m) => Number(m[1]))
    assert.deepEqual(versions, [4, 3, 2, 1])
  })

  it('releases --json is the API answer', async () => {
    const r = await heroku('releases', '-a', 'example-app', '--json')
    assert.equal(r.status, 0, r.stderr)
    const releases = JSON.parse(r.stdout)
    assert.deepEqual(releases.map((release: any) => [release.version, release.eligible_for_rollback]), [[4, true], [3, true], [2, true], [1, true]])
  })

  it('releases:info shows the current release, its add-ons and its config vars', async () => {
    const r = await heroku('releases:info', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /=== Release v4/)
    assert.match(r.stdout, /Add-ons:\s+heroku-redis:mini/)
    assert.match(r.stdout, /By:\s+compat@example\.com/)
    assert.match(r.stdout, /Change:\s+Set FOO config vars/)
    assert.match(r.stdout, /Eligible for Rollback\?:\s+Yes/)
    assert.match(r.stdout, /=== v4 Config vars/)
    assert.match(r.stdout, /FOO:\s+three/)
    assert.match(r.stdout, /BAR:\s+two/)
  })

  it('releases:info vN --shell shows that release and its vars', async () => {
    const r = await heroku('releases:info', 'v2', '-a', 'example-app', '--shell')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /=== Release v2/)
    assert.match(r.stdout, /Change:\s+Set BAR config vars/)
    assert.match(r.stdout, /^BAR=two$/m)
    assert.match(r.stdout, /^FOO=one$/m)
  })

  it('releases:rollback without a version goes back one release: user vars restored, the add-on stays', async () => {
    const redisUrl = (await api('GET', '/apps/example-app/config-vars')).REDIS_URL
    assert.ok(redisUrl)
    const r = await heroku('releases:rollback', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /Rolling back example-app to v3\.\.\. done, v5/)
    assert.deepEqual(await api('GET', '/apps/example-app/config-vars'), {BAR: 'two', FOO: 'one', REDIS_URL: redisUrl})
    const current = (await api('GET', '/apps/example-app/releases/5'))
    assert.equal(current.description, 'Rollback to v3')
  })

  it('releases:rollback vN goes to that release', async () => {
    const redisUrl = (await api('GET', '/apps/example-app/config-vars')).REDIS_URL
    const r = await heroku('releases:rollback', 'v1', '-a', 'example-app')
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stderr, /Rolling back example-app to v1\.\.\. done, v6/)
    assert.deepEqual(await api('GET', '/apps/example-app/config-vars'), {FOO: 'one', REDIS_URL: redisUrl})
    const list = await heroku('releases', '-a', 'example-app')
    assert.match(list.stdout, /Current: v6/)
    assert.match(list.stdout, /v6\s+Rollback to v1\s+compat@example\.com/)
  })

  it('releases:rollback to a release that does not exist: the API message, nothing changed', async () => {
    const r = await heroku('releases:rollback', 'v99', '-a', 'example-app')
    assert.notEqual(r.status, 0)
    assert.match(r.stderr, /Couldn't find that release/)
    assert.equal((await api('GET', '/apps/example-app/releases')).length, 6)
  })
})
