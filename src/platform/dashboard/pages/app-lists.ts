import type {Domain} from '../../../wire/platform-api.js'
import type {AppWebhook, AddonWebhook} from '../../../wire/webhooks.js'
import {withoutPassword} from '../data/app-lists.js'
import {html} from '../html.js'
import {dataTable, timeText} from './components.js'
import {page, type Frame} from './layout.js'

export function domainsPage(frame: Frame, data: {app: string; domains: Domain[]}): string {
  const {app} = data
  const rows = data.domains.map((d) => html`<tr>
<td>${d.hostname}</td>
<td>${d.kind === 'heroku' ? 'default' : 'custom'}</td>
<td>${d.cname ?? html`<span class="muted">none</span>`}</td>
<td>${d.status}</td>
</tr>`)
  return page({...frame, title: 'Domains', app: {name: app, tab: 'domains'}, cli: [`addonkit domains --app ${app}`, `addonkit domains:add www.example.com --app ${app}`, `addonkit domains:remove www.example.com --app ${app}`]}, html`
<h1>Domains</h1>
<p class="muted">Point a custom domain's CNAME record at its DNS target.</p>
${dataTable('Domains', ['Hostname', 'Kind', 'DNS target', 'Status'], rows)}`)
}

export function webhooksPage(frame: Frame, data: {app: string; webhooks: Array<AppWebhook | AddonWebhook>}): string {
  const {app} = data
  const rows = data.webhooks.map((w) => html`<tr>
<td><code>${withoutPassword(w.url)}</code></td>
<td>${w.include.join(', ')}</td>
<td>${w.level}</td>
<td>${timeText(w.created_at)}</td>
</tr>`)
  return page({...frame, title: 'Webhooks', app: {name: app, tab: 'webhooks'}, cli: [
    `addonkit webhooks --app ${app}`, `addonkit webhooks:add -i api:release -l notify -u https://example.com/hooks --app ${app}`, `addonkit webhooks:deliveries --app ${app}`,
  ]}, html`
<h1>Webhooks</h1>
${dataTable('Webhooks', ['URL', 'Entities', 'Level', 'Created'], rows, {empty: 'No webhooks: add one with the command below.'})}`)
}
