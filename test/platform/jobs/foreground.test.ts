import assert from 'node:assert/strict'
import {test} from 'node:test'
import {Foreground} from '../../../src/platform/jobs/foreground.js'

// Background work waits for the requests in flight, for a short quiet moment after them, and never
// longer than its bound; a request open for long (a log tail) holds nothing back.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('with nothing in flight, work goes at once', async () => {
  await new Foreground().idle(60_000)
})

test('work waits while a request is in flight, and goes once it has been answered', async () => {
  const foreground = new Foreground({quietMs: 5})
  const request = {}
  foreground.begin(request)
  let went = false
  const waiting = foreground.idle(60_000).then(() => (went = true))
  await sleep(50)
  assert.equal(went, false, 'still waiting while the request is in flight')
  foreground.end(request)
  // ending twice (two hooks saw it) changes nothing
  foreground.end(request)
  await waiting
  assert.equal(went, true)
})

test('a request that never ends holds work back only up to the bound, shared by the steps of one piece of work', {timeout: 10_000}, async () => {
  const foreground = new Foreground()
  foreground.begin({})
  await foreground.idle(20)
  const pause = foreground.budget(20)
  await pause()
  await pause()
})

test('a request open past the stream age (a log tail) holds nothing back', {timeout: 10_000}, async () => {
  const foreground = new Foreground({streamAfterMs: 10})
  foreground.begin({})
  await sleep(30)
  await foreground.idle(60_000)
})
