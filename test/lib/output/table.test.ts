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

  it('keeps every row of a long list aligned (each column is one cli-table3 cell of many lines)', () => {
    const rows = Array.from({length: 237}, (_, i) => ({name: `A${i}`, addon: `addon-${'x'.repeat(i % 7)}-${i}`}))
    const lines = renderTable(columns, rows).split('\n')
    assert.equal(lines.length, 239)
    const width = Math.max(...rows.map((r) => r.name.length))
    rows.forEach((row, i) => assert.equal(lines[i + 2], `${row.name.padEnd(width)}  ${row.addon}`))
  })

  it('a value holding a line break stays on its row, with a space for the break', () => {
    const out = renderTable(columns, [{name: 'A\nB', addon: 'one'}, {name: 'C', addon: 'two\r\nlines'}])
    assert.equal(out, 'Name  Add-on\n----  -----------\nA B   one\nC     two lines')
  })

  it('accented values line up like plain ones; white space at line ends goes, empty lines stay', () => {
    const out = renderTable(columns, [{name: 'café', addon: 'x\u00a0'}, {name: '', addon: ''}, {name: 'b', addon: 'y'}])
    assert.equal(out, 'Name  Add-on\n----  --------\ncafé  x\n\nb     y')
  })

  it('no rows: the header and its rule only', () => {
    assert.equal(renderTable(columns, []), 'Name  Add-on\n----  --------')
  })
})
