import type {AppsData} from '../data/apps.js'
import {html, path} from '../html.js'
import {csrfField, dataTable, pager} from './components.js'
import {page, type Frame} from './layout.js'

// The account's apps, and a form to create one (a name, and a region or one of the account's spaces).
export function appsPage(frame: Frame & {account: {csrfToken: string}}, data: AppsData, values: {name?: string; where?: string} = {}): string {
  const rows = data.apps.map(({app, addons}) => html`<tr>
<td><a href="${path`/dashboard/apps/${app.name}/resources`}">${app.name}</a></td>
<td>${app.space ? html`space ${app.space.name}` : html`region ${app.region.name}`}</td>
<td>${addons}</td>
</tr>`)
  const where = values.where ?? 'region:us'
  return page({...frame, title: 'Apps', cli: ['addonkit apps', 'addonkit apps:create NAME --region eu']}, html`
<h1>Apps</h1>
${dataTable('Apps', ['Name', 'Region or space', 'Add-ons'], rows, {empty: 'You have no apps yet: create one below.'})}
${pager(data.after ? [{href: `/dashboard/apps?after=${encodeURIComponent(data.after)}`, label: 'Next apps'}] : [])}
<h2 id="create-heading">Create an app</h2>
<form method="post" action="/dashboard/apps" class="stack" aria-labelledby="create-heading">
${csrfField(frame.account.csrfToken)}
<label>Name <span class="hint">optional: 3 to 30 lower-case letters, digits and dashes; a name is made up when left empty</span>
<input name="name" value="${values.name ?? ''}" autocomplete="off" pattern="[a-z][a-z0-9-]{2,29}"></label>
<label>Where
<select name="where">
<optgroup label="Regions">${data.regions.map((r) => html`<option value="${`region:${r.name}`}"${where === `region:${r.name}` ? html` selected` : ''}>${r.name}: ${r.description}</option>`)}</optgroup>
${data.spaces.length > 0 && html`<optgroup label="Private spaces">${data.spaces.map((name) => html`<option value="${`space:${name}`}"${where === `space:${name}` ? html` selected` : ''}>${name}</option>`)}</optgroup>`}
</select></label>
<div><button type="submit">Create app</button></div>
</form>`)
}
