import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {LineSplitter} from '../../../src/lib/run/line-splitter.js'

describe('LineSplitter', () => {
  const split = (chunks: Array<string | Buffer>, maxBytes?: number) => {
    const lines: string[] = []
    const splitter = new LineSplitter((line) => lines.push(line), maxBytes)
    for (const chunk of chunks) splitter.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
    splitter.end()
    return lines
  }

  it('cuts at newlines, drops a \\r before one, keeps empty lines and a last line without newline', () => {
    assert.deepEqual(split(['one\ntw', 'o\r\n\nthree']), ['one', 'two', '', 'three'])
    assert.deepEqual(split(['a\n']), ['a'])
    assert.deepEqual(split([]), [])
  })

  it('a character split between chunks comes out whole', () => {
    const bytes = Buffer.from('✓ done\n')
    assert.deepEqual(split([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)]), ['✓ done'])
  })

  it('a line longer than the limit comes in pieces, never cut inside a character', () => {
    assert.deepEqual(split(['abcdefghij\n'], 4), ['abcd', 'efgh', 'ij'])
    // é is two bytes: a cut at byte 4 would split the second one
    assert.deepEqual(split(['aéé', 'b\n'], 4), ['aé', 'éb'])
    const long = split(['x'.repeat(25_000)])
    assert.deepEqual(long.map((l) => l.length), [10_000, 10_000, 5000])
  })
})
