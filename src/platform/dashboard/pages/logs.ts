import {html, path} from '../html.js'
import {page, type Frame} from './layout.js'

// Logs: the newest lines; with scripts on, the list follows the app's log live (a log session's
// Server-Sent Events, as `addonkit logs --tail` reads them).
export function logsPage(frame: Frame, data: {app: string; lines: Array<{seq: number; text: string}>}): string {
  const {app} = data
  return page({...frame, title: 'Logs', app: {name: app, tab: 'logs'}, cli: [`addonkit logs --app ${app}`, `addonkit logs --tail --app ${app}`]}, html`
<h1>Logs</h1>
<p id="tail-status" role="status" class="muted">The newest ${data.lines.length} lines. With scripts on, new lines appear as they come.</p>
<ol id="log-lines" class="log" aria-label="Log lines" tabindex="0" data-session-url="${path`/dashboard/apps/${app}/log-session`}">
${data.lines.length === 0 ? html`<li class="muted">No lines yet.</li>` : data.lines.map((line) => html`<li>${line.text}</li>`)}
</ol>`)
}
