import type {ConfigData, ConfigVarEntry} from '../data/config.js'
import {html, path, type Html} from '../html.js'
import {csrfField, dataTable} from './components.js'
import {page, type Frame} from './layout.js'

export interface SettingsView {
  // the user var being edited (its value shown in the form, as asked)
  editing?: {name: string; value: string}
  // what the add form held when it came back with an error
  values?: {name?: string; value?: string}
}

// Settings → Config Vars: names, a value only when asked for, the user's own vars editable, the
// add-ons' vars read-only with a link to their add-on.
export function settingsPage(frame: Frame & {account: {csrfToken: string}}, data: ConfigData, view: SettingsView = {}): string {
  const app = data.app.name
  const csrf = frame.account.csrfToken
  const settings = path`/dashboard/apps/${app}/settings`
  const form = view.editing ?? view.values ?? {}
  return page({...frame, title: 'Settings', app: {name: app, tab: 'settings'}, cli: [
    `addonkit config --app ${app}`, `addonkit config:get NAME --app ${app}`, `addonkit config:set NAME=VALUE --app ${app}`, `addonkit config:unset NAME --app ${app}`, `addonkit apps:info --app ${app}`,
  ]}, html`
<h1>Settings</h1>
<dl class="facts">
<dt>App</dt><dd>${app}</dd>
<dt>${data.app.space ? 'Space' : 'Region'}</dt><dd>${data.app.space ? data.app.space.name : data.app.region.name}</dd>
<dt>Owner</dt><dd>${data.app.owner.email}</dd>
</dl>
<h2 id="config-heading">Config Vars</h2>
<p class="muted">Values stay on the platform until you reveal them.${data.vars.length > 0 && html` <a href="${`${settings}?reveal=all`}">Reveal all values</a>`}</p>
${dataTable('Config Vars', ['Name', 'Value', 'Set by', ''], data.vars.map((v) => varRow(app, csrf, v)), {empty: 'No config vars yet.'})}
<h2 id="set-heading">${view.editing ? html`Edit ${view.editing.name}` : 'Add a config var'}</h2>
<form method="post" action="${path`/dashboard/apps/${app}/config-vars`}" class="stack" id="edit" aria-labelledby="set-heading">
${csrfField(csrf)}
<label>Name <input name="name" value="${form.name ?? ''}" autocomplete="off" required pattern="\\w+"${view.editing ? html` readonly` : ''}></label>
<label>Value <textarea name="value" rows="2" autocomplete="off">${form.value ?? ''}</textarea></label>
<div class="actions"><button type="submit">${view.editing ? 'Save' : 'Add'}</button>${view.editing && html` <a href="${settings}">Cancel</a>`}</div>
</form>`)
}

function varRow(app: string, csrf: string, entry: ConfigVarEntry): Html {
  const settings = path`/dashboard/apps/${app}/settings`
  return html`<tr id="${`var-${entry.name}`}">
<th scope="row"><code>${entry.name}</code></th>
<td>${entry.value === undefined ? hiddenValue(app, entry.name) : shownValue(app, entry.name, entry.value)}</td>
<td>${entry.owner
    ? html`<a href="${path`/dashboard/apps/${app}/addons/${entry.owner.addonId}`}">${entry.owner.addonName}</a> <span class="muted">as ${entry.owner.attachment}</span>`
    : html`you`}</td>
<td>${entry.owner ? html`<span class="muted">read-only</span>` : html`<div class="actions">
<a href="${`${settings}?edit=${encodeURIComponent(entry.name)}#edit`}" aria-label="${`Edit ${entry.name}`}">Edit</a>
<form method="post" action="${path`/dashboard/apps/${app}/config-vars/${entry.name}/delete`}" class="inline">${csrfField(csrf)}<button type="submit" class="secondary" aria-label="${`Delete ${entry.name}`}">Delete</button></form>
</div>`}</td>
</tr>`
}

// "hidden" and a Reveal link: without scripts it reloads the page with this one value shown; with
// htmx it swaps the value in place and puts the focus on Hide.
export function hiddenValue(app: string, name: string, focus = false): Html {
  return html`<span id="${`value-${name}`}"><span class="muted">hidden</span>
<a href="${`${path`/dashboard/apps/${app}/settings`}?reveal=${encodeURIComponent(name)}#var-${name}`}" hx-get="${path`/dashboard/apps/${app}/config-vars/${name}`}" hx-target="${`#value-${name}`}" hx-swap="outerHTML" aria-label="${`Reveal ${name}`}"${focus ? html` data-autofocus` : ''}>Reveal</a></span>`
}

export function shownValue(app: string, name: string, value: string, focus = false): Html {
  return html`<span id="${`value-${name}`}"><code>${value}</code>
<a href="${`${path`/dashboard/apps/${app}/settings`}#var-${name}`}" hx-get="${`${path`/dashboard/apps/${app}/config-vars/${name}`}?hide=1`}" hx-target="${`#value-${name}`}" hx-swap="outerHTML" aria-label="${`Hide ${name}`}"${focus ? html` data-autofocus` : ''}>Hide</a></span>`
}
