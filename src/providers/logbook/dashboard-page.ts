import {escapeHtml} from '../kit/html.js'
import type {DashboardPage} from '../kit/kit-options.js'
import type {StoredLine} from './logbook-lines.js'
import {EVENT_PROCESS, EVENT_SOURCE} from './webhook-lines.js'
import {formatCount} from './plans.js'

export interface DashboardFacts {
  name: string
  plan: string
  kept: number
  limit: number
  // newest first, at most `shownAtMost`
  lines: StoredLine[]
  shownAtMost: number
  // more lines match than are shown
  more: boolean
  sources: string[]
  filter: {text: string; source: string}
  email?: string
  // false when the platform sent no log_drain_token: nothing can arrive
  drained: boolean
}

// The refresh re-reads this same URL (so the filters stay) every 2 s and swaps in the parts that
// change, leaving the form alone while someone types in it. Without JavaScript, <noscript>'s meta
// refresh reloads the page, filters included.
const head = `
<meta name="viewport" content="width=device-width, initial-scale=1">
<noscript><meta http-equiv="refresh" content="5"></noscript>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
form{display:flex;gap:.75rem;flex-wrap:wrap;align-items:end;margin:1rem 0}
label{display:flex;flex-direction:column;font-size:.85rem;gap:.2rem}
#lines{list-style:none;padding:0;margin:0;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace}
.line{white-space:pre-wrap;overflow-wrap:anywhere;border-bottom:1px solid #eee;padding:1px 0}
.time{color:#777}.source{color:#0b5cad;font-weight:600}
.event{background:#f4f8fc}.event .message{font-weight:600}
</style>`

const refreshScript = `<script>
(() => {
  const parts = ['summary', 'shown', 'lines', 'sources']
  const refresh = async () => {
    try {
      const response = await fetch(location.href, {cache: 'no-store', headers: {accept: 'text/html'}})
      // the session ended: reloading would only show the refusal
      if (response.status === 403) return
      if (response.ok) {
        const next = new DOMParser().parseFromString(await response.text(), 'text/html')
        for (const id of parts) {
          const current = document.getElementById(id)
          const fresh = next.getElementById(id)
          if (current && fresh) current.replaceWith(fresh)
        }
      }
    } catch {}
    setTimeout(refresh, 2000)
  }
  setTimeout(refresh, 2000)
})()
</script>`

// The logbook's dashboard: its lines newest first, a GET form filtering them by text and by source.
export function logbookDashboard(facts: DashboardFacts): DashboardPage {
  const body = [summary(facts), filterForm(facts), shown(facts), lineList(facts.lines), refreshScript].join('\n')
  return {head, body}
}

function summary(facts: DashboardFacts): string {
  const parts = [
    `<strong>${escapeHtml(facts.name)}</strong>`,
    `plan ${escapeHtml(facts.plan)}: ${formatCount(facts.kept)} of ${formatCount(facts.limit)} lines kept`,
  ]
  if (facts.email) parts.push(`signed in as ${escapeHtml(facts.email)}`)
  const warning = facts.drained ? '' : '<br>The platform sent no log drain token when this add-on was created, so no lines can arrive.'
  return `<p id="summary">${parts.join(' · ')}${warning}</p>`
}

function filterForm(facts: DashboardFacts): string {
  const options = facts.sources.map((source) => `<option value="${escapeHtml(source)}"></option>`).join('')
  return `<form id="filters" method="get" action="dashboard">
<label>Text <input type="search" name="q" value="${escapeHtml(facts.filter.text)}" placeholder="words in the message"></label>
<label>Source <input type="text" name="source" list="sources" value="${escapeHtml(facts.filter.source)}" placeholder="app, heroku, an add-on"></label>
<datalist id="sources">${options}</datalist>
<button type="submit">Filter</button>
<a href="dashboard">Show all</a>
</form>`
}

function shown(facts: DashboardFacts): string {
  const filtered = facts.filter.text !== '' || facts.filter.source !== ''
  let text: string
  if (facts.lines.length === 0) text = filtered ? 'No line matches the filter.' : 'No lines yet: they appear here as the app writes them.'
  else if (facts.more) text = `The newest ${formatCount(facts.shownAtMost)} ${filtered ? 'matching ' : ''}lines, newest first; narrow the filter to see older ones.`
  else text = `${formatCount(facts.lines.length)} ${filtered ? 'matching ' : ''}line${facts.lines.length === 1 ? '' : 's'}, newest first.`
  return `<p id="shown">${text}</p>`
}

function lineList(lines: StoredLine[]): string {
  const items = lines.map(
    (line) =>
      `<li class="${isEvent(line) ? 'line event' : 'line'}" data-source="${escapeHtml(line.source)}" data-process="${escapeHtml(line.process)}">` +
      `<time class="time">${escapeHtml(line.time)}</time> <span class="source">${escapeHtml(line.source)}[${escapeHtml(line.process)}]:</span> ` +
      `<span class="message">${escapeHtml(line.message)}</span></li>`,
  )
  return `<ol id="lines">\n${items.join('\n')}\n</ol>`
}

// what the platform's webhooks told logbook (a release, a domain), set apart from the app's own lines
function isEvent(line: StoredLine): boolean {
  return line.source === EVENT_SOURCE && line.process === EVENT_PROCESS
}
