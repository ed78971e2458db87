import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, test} from 'node:test'
import {Html, html, path} from '../../../src/platform/dashboard/html.js'

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '&amp; &lt;',
  '</textarea><script>x</script>',
  'javascript:alert(1)',
]

describe('the html template', () => {
  test('every interpolated string is escaped, in text and in quoted attributes', () => {
    const escaped = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    for (const value of HOSTILE) {
      const out = html`<p title="${value}">${value}</p>`.text
      assert.equal(out, `<p title="${escaped(value)}">${escaped(value)}</p>`)
      // the template's own two tags are the only markup, and the attribute is never closed early
      assert.equal(out.match(/</g)!.length, 2)
      assert.equal(out.match(/"/g)!.length, 2)
    }
    assert.equal(html`${'<b>&"\''}`.text, '&lt;b&gt;&amp;&quot;&#39;')
    assert.equal(html`${42}`.text, '42')
  })

  test('Html values are kept, arrays joined, and false, null and undefined render nothing', () => {
    const item = (name: string) => html`<li>${name}</li>`
    assert.equal(html`<ul>${['a', '<b>'].map(item)}</ul>`.text, '<ul><li>a</li><li>&lt;b&gt;</li></ul>')
    assert.equal(html`${false}${null}${undefined}${true}${0}`.text, '0')
    assert.equal(html`${false && html`<b>x</b>`}`.text, '')
    assert.equal(html`${new Html('<hr>')}`.text, '<hr>')
  })

  test('path encodes every part, so a name cannot add a segment, a query or a scheme', () => {
    assert.equal(path`/dashboard/apps/${'a/../b?c=d#e'}/resources`, '/dashboard/apps/a%2F..%2Fb%3Fc%3Dd%23e/resources')
    assert.equal(path`/x/${'javascript:alert(1)'}`, '/x/javascript%3Aalert(1)')
  })

  test('the pages interpolate only into text and double-quoted attributes', () => {
    const root = join(process.cwd(), 'src/platform/dashboard/pages')
    const files = readdirSync(root).filter((file) => file.endsWith('.ts'))
    assert.ok(files.length > 8)
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8')
      // ` attr=${…}` (unquoted), `<${…}` (a tag name), or a value inside <script>/<style>/on…= in a template
      assert.doesNotMatch(source, /\s[\w-]+=\$\{/, `${file}: an unquoted attribute value`)
      assert.doesNotMatch(source, /<\$\{/, `${file}: an interpolated tag name`)
      assert.doesNotMatch(source, /<script>[^<]*\$\{|<style|\son[a-z]+="/i, `${file}: an inline script, style or event handler`)
    }
  })
})
