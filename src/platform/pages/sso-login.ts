import {escapeHtml} from '../../providers/kit/html.js'

function page(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title></head>
<body>
${body}
${script}</body>
</html>
`
}

// Hands the signed fields to the provider as a form POST, at once; the button is for browsers
// without scripts. The fields hold a live token, so they never end up in another URL.
export function ssoFormPage(addonName: string, action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `  <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n')
  const form = `<p>Signing in to ${escapeHtml(addonName)}…</p>
<form id="sso-login" method="post" action="${escapeHtml(action)}">
${inputs}
  <noscript><button type="submit">Continue to ${escapeHtml(addonName)}</button></noscript>
</form>`
  return page(`Signing in to ${addonName}`, form, `<script>document.getElementById('sso-login').submit()</script>\n`)
}

export function ssoRefusedPage(reason: string): string {
  return page('Single sign-on refused', `<h1>Single sign-on refused</h1>\n<p>${escapeHtml(reason)}</p>`)
}
