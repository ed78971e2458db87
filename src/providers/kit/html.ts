const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c])
}

// One page layout for the dashboard and its refusals. `#heroku-header` is where the platform's
// navigation would go; kensa's SSO check looks for it.
// `head` is trusted HTML (a refresh, styles) the caller built.
export function htmlPage(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${head}</head>
<body>
<div id="heroku-header"></div>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`
}

export function htmlTable(rows: [string, string][]): string {
  const cells = rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
  return `<table>\n${cells.join('\n')}\n</table>`
}
