import {escapeHtml} from '../../providers/kit/html.js'
import type {ServiceDocsPage} from '../services/service-docs.js'

// A service's documentation page, built from its manifest: how to add it and what it sets.
export function serviceDocsPage(docs: ServiceDocsPage): string {
  const e = escapeHtml
  const plans = docs.plans
    .map((p) => `<tr><td><code>${e(p.name)}</code>${p.isDefault ? ' (default)' : ''}</td><td>${e(p.humanName)}</td><td>${e(p.price)}</td></tr>`)
    .join('\n')
  const vars = docs.configVars.map((v) => `<li><code>${e(v)}</code></li>`).join('\n')
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${e(docs.humanName)}</title></head>
<body>
<h1>${e(docs.humanName)} <small>(${e(docs.name)})</small></h1>
<p>Add it to an app with <code>addonkit addons:create ${e(docs.name)} --app APP</code>. It is attached as
<code>${e(docs.defaultAlias)}</code> unless you choose another alias with <code>--as</code>.</p>
<h2>Config vars</h2>
<ul>
${vars}
</ul>
<h2>Plans</h2>
<table>
<tr><th>Plan</th><th>Name</th><th>Price</th></tr>
${plans}
</table>
<h2>Regions</h2>
<p>${docs.regions.map((r) => `<code>${e(r)}</code>`).join(', ')}</p>
</body>
</html>
`
}
