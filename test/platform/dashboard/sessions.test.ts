import assert from 'node:assert/strict'
import {after, before, describe, test} from 'node:test'
import {DashboardSessions} from '../../../src/platform/dashboard/sessions.js'
import type {AccountRow} from '../../../src/platform/store/schema.js'
import {OWNER, STRANGER, startTestPlatform, type TestPlatform} from '../helpers.js'

// The dashboard's sessions and one-time links on a real store, with a clock the test moves.
describe('dashboard sessions', () => {
  let p: TestPlatform
  let owner: AccountRow
  let now = Date.parse('2026-05-01T12:00:00Z')
  const sessions = () => new DashboardSessions(p.platform.services.ctx.store.db, p.platform.services.accounts, {sessionMs: 60 * 60_000, linkMs: 60_000, now: () => now})

  before(async () => {
    p = await startTestPlatform([], {accounts: [OWNER, STRANGER, {email: 'moving@example.com', apiKey: 'moving-1'}]})
    owner = (await p.platform.services.accounts.byApiKey(OWNER.apiKey))!
  })
  after(async () => {
    await p?.close()
  })

  test('a session lasts its lifetime to the millisecond, for the account whose key opened it', async () => {
    const started = now
    const cookie = (await sessions().signInWithKey(OWNER.apiKey))!
    assert.equal((await sessions().find(cookie))?.account.email, OWNER.email)
    now = started + 60 * 60_000 - 1
    assert.ok(await sessions().find(cookie))
    now = started + 60 * 60_000 + 1
    assert.equal(await sessions().find(cookie), undefined)
    assert.equal(await sessions().signInWithKey('no-such-key'), undefined)
    assert.equal(await sessions().signInWithKey(''), undefined)
    assert.equal(await sessions().find('made-up-cookie-value-000000000000'), undefined)
  })

  test('the CSRF token is one per session and only that session accepts it', async () => {
    const a = (await sessions().find((await sessions().signInWithKey(OWNER.apiKey))!))!
    const b = (await sessions().find((await sessions().signInWithKey(OWNER.apiKey))!))!
    assert.notEqual(a.csrfToken, b.csrfToken)
    assert.equal(sessions().csrfMatches(a, a.csrfToken), true)
    for (const wrong of [b.csrfToken, '', undefined, ['x'], a.csrfToken.slice(1), `${a.csrfToken}x`]) assert.equal(sessions().csrfMatches(a, wrong), false)
  })

  test('a message is shown once', async () => {
    const cookie = (await sessions().signInWithKey(OWNER.apiKey))!
    await sessions().setFlash((await sessions().find(cookie))!, {kind: 'notice', text: 'Done.'})
    assert.deepEqual(await sessions().takeFlash((await sessions().find(cookie))!), {kind: 'notice', text: 'Done.'})
    assert.equal(await sessions().takeFlash((await sessions().find(cookie))!), null)
  })

  test('a link works once, within its minute; of two browsers opening it at once, one gets in', async () => {
    const {token} = await sessions().createLink(owner, '/dashboard/apps/x/resources')
    const [first, second] = await Promise.all([sessions().redeemLink(token), sessions().redeemLink(token)])
    assert.equal([first, second].filter(Boolean).length, 1)
    const signedIn = (first ?? second)!
    assert.equal(signedIn.landing, '/dashboard/apps/x/resources')
    assert.equal((await sessions().find(signedIn.cookieValue))?.account.id, owner.id)
    assert.equal(await sessions().redeemLink(token), undefined)

    const late = await sessions().createLink(owner, '/dashboard/apps')
    now += 60_001
    assert.equal(await sessions().redeemLink(late.token), undefined)
    assert.equal(await sessions().redeemLink('not-a-token'), undefined)
  })

  test("a new API key ends the account's sessions and unused links", async () => {
    const cookie = (await sessions().signInWithKey('moving-1'))!
    const moving = (await p.platform.services.accounts.byApiKey('moving-1'))!
    const {token} = await sessions().createLink(moving, '/dashboard/apps')
    await p.platform.services.accounts.ensure('moving@example.com', 'moving-2')
    assert.equal(await sessions().find(cookie), undefined)
    assert.equal(await sessions().redeemLink(token), undefined)
    assert.ok(await sessions().find((await sessions().signInWithKey('moving-2'))!))
  })

  test('sign-out ends the session; the store keeps no cookie value', async () => {
    const cookie = (await sessions().signInWithKey(STRANGER.apiKey))!
    await sessions().end(cookie)
    assert.equal(await sessions().find(cookie), undefined)
    const rows = await p.platform.services.ctx.store.db.selectFrom('dashboard_sessions').selectAll().execute()
    assert.ok(rows.every((row) => row.id_hash !== cookie && /^[0-9a-f]{64}$/.test(row.id_hash)))
  })
})
