import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {AppendGroups} from '../../../src/platform/logs/append-groups.js'

// Appends to one app that arrive together are written by one write, in arrival order, and each
// caller gets its own part's outcome; appends to other apps are written apart.
describe('append groups', () => {
  test('appends of one turn are written together, each with its own outcome', async () => {
    const writes: Array<{appId: string; parts: string[]}> = []
    const groups = new AppendGroups<string, boolean>(async (appId, parts) => {
      writes.push({appId, parts})
      return parts.map((part) => !part.startsWith('refused'))
    })
    const outcomes = await Promise.all([groups.append('a', 'one'), groups.append('a', 'refused two'), groups.append('b', 'other app'), groups.append('a', 'three')])
    assert.deepEqual(outcomes, [true, false, true, true])
    assert.deepEqual(writes, [{appId: 'a', parts: ['one', 'refused two', 'three']}, {appId: 'b', parts: ['other app']}])
  })

  test('appends that come during a write go together in the next one', async () => {
    const writes: string[][] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const groups = new AppendGroups<string>(async (_appId, parts) => {
      writes.push(parts)
      if (writes.length === 1) await held
    })
    const first = groups.append('a', 'first')
    // the first write has started once it has its parts
    while (writes.length === 0) await new Promise((resolve) => setImmediate(resolve))
    const later = [groups.append('a', 'second'), groups.append('a', 'third')]
    release()
    await Promise.all([first, ...later])
    assert.deepEqual(writes, [['first'], ['second', 'third']])
  })

  test('a failed write fails every append of its group, and the next group is still written', async () => {
    const writes: string[][] = []
    const groups = new AppendGroups<string>(async (_appId, parts) => {
      writes.push(parts)
      if (parts.includes('bad')) throw new Error('store down')
    })
    const failed = await Promise.allSettled([groups.append('a', 'bad'), groups.append('a', 'unlucky')])
    assert.deepEqual(failed.map((result) => result.status), ['rejected', 'rejected'])
    await groups.append('a', 'fine')
    assert.deepEqual(writes, [['bad', 'unlucky'], ['fine']])
  })
})
