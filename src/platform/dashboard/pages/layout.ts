import {html, path, type Html} from '../html.js'
import type {Flash} from '../sessions.js'
import {ASSETS} from '../assets.js'

export type AppTab = 'resources' | 'activity' | 'logs' | 'settings' | 'domains' | 'webhooks'

const TABS: Array<[AppTab, string]> = [
  ['resources', 'Resources'], ['activity', 'Activity'], ['logs', 'Logs'], ['settings', 'Settings'], ['domains', 'Domains'], ['webhooks', 'Webhooks'],
]

// What every page is drawn in.
export interface Frame {
  title: string
  // the signed-in account; absent on the sign-in pages
  account?: {email: string; csrfToken: string}
  // an app's pages carry its tabs
  app?: {name: string; tab?: AppTab}
  flash?: Flash | null
  // the addonkit commands that show or do what the page shows or does
  cli?: string[]
}

// htmx is configured here, not in a script: no eval, no script tags in swapped content, no injected
// style element (the Content-Security-Policy allows neither), and no copies of pages in localStorage
// (a page may hold a revealed config var).
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false, allowEval: false, allowScriptTags: false, selfRequestsOnly: true, historyCacheSize: 0, refreshOnHistoryMiss: true,
})

export function page(frame: Frame, main: Html): string {
  const title = frame.app ? `${frame.title} · ${frame.app.name}` : frame.title
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="htmx-config" content="${HTMX_CONFIG}">
${frame.account && html`<meta name="csrf-token" content="${frame.account.csrfToken}">`}
<title>${title} · addonkit</title>
<link rel="stylesheet" href="${ASSETS.stylesheet}">
<script src="${ASSETS.htmx}" defer></script>
<script src="${ASSETS.script}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="/dashboard/apps">addonkit</a>
  ${frame.account && html`<nav aria-label="Account"><span class="muted">${frame.account.email}</span>
  <form method="post" action="/dashboard/logout" class="inline"><input type="hidden" name="_csrf" value="${frame.account.csrfToken}"><button type="submit" class="link">Sign out</button></form></nav>`}
</header>
${frame.app && appHeader(frame.app.name, frame.app.tab)}
<main id="main" tabindex="-1">
${frame.flash && flashMessage(frame.flash)}
${main}
${frame.cli && frame.cli.length > 0 && cliHint(frame.cli)}
</main>
</body>
</html>
`.text
}

function appHeader(app: string, current: AppTab | undefined): Html {
  return html`<div class="app-header">
  <p class="crumbs"><a href="/dashboard/apps">Apps</a> / <strong>${app}</strong></p>
  <nav aria-label="App" class="tabs"><ul>
  ${TABS.map(([tab, label]) => html`<li><a href="${path`/dashboard/apps/${app}/${tab}`}"${tab === current ? html` aria-current="page"` : ''}>${label}</a></li>`)}
  </ul></nav>
</div>`
}

function flashMessage(flash: Flash): Html {
  return html`<div class="flash ${flash.kind}" role="${flash.kind === 'error' ? 'alert' : 'status'}">${flash.text}</div>`
}

function cliHint(commands: string[]): Html {
  return html`<section class="cli" aria-labelledby="cli-heading">
  <h2 id="cli-heading">The same with the CLI</h2>
  ${commands.map((command) => html`<pre><code>${command}</code></pre>`)}
</section>`
}
