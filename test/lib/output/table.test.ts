import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {renderTable} from '../../../src/lib/output/table.js'

const columns = [
  {header: 'Name', get: (r: {name: string; addon: string}) => r.name},
  {header: 'Add-on', get: (r: {name: string; addon: string}) => r.addon},
]

describe('renderTable', () => {
  it('draws the seed form: header, dashed rule, last column two wider, no trailing spaces', () => {
    const out = renderTable(columns, [{name: 'REDIS', addon: 'shining-calmly-4402'}])
    assert.equal(out, 'Name   Add-on\n-----  ---------------------\nREDIS  shining-calmly-4402')
  })

  it('keeps every row of a long list aligned across layout slices', () => {
    const rows = Array.from({length: 237}, (_, i) => ({name: `A${i}`, addon: `addon-${'x'.repeat(i % 7)}-${i}`}))
    const lines = renderTable(columns, rows).split('\n')
    assert.equal(lines.length, 239)
    const width = Math.max(...rows.map((r) => r.name.length))
    rows.forEach((row, i) => assert.equal(lines[i + 2], `${row.name.padEnd(width)}  ${row.addon}`))
  })
})
