import type {Addon, Attachment} from '../../../wire/platform-api.js'
import type {Cost} from '../data/costs.js'
import type {ResourcesData} from '../data/resources.js'
import {html, path, type Html} from '../html.js'
import {dataTable, isSettling, millicentsText, pager, priceText, stateBadge} from './components.js'
import {page, type Frame} from './layout.js'

// An app's Resources: the add-ons it owns and every alias on it, as `addonkit addons` prints them
// (Plan, Name, Price; Name, Add-on, Billing App), with each add-on's state and cost this month.
export function resourcesPage(frame: Frame, data: ResourcesData): string {
  const app = data.app.name
  // each table pages on its own; a link keeps where the other one is
  const at = (cursors: {after?: string; attachments_after?: string}) =>
    `${path`/dashboard/apps/${app}/resources`}?${new URLSearchParams(Object.entries(cursors).filter((e): e is [string, string] => e[1] !== undefined))}`
  const links = [
    ...(data.addonsAfter ? [{href: at({after: data.addonsAfter, attachments_after: data.attachmentsFrom}), label: 'Next add-ons'}] : []),
    ...(data.attachmentsAfter ? [{href: at({after: data.addonsFrom, attachments_after: data.attachmentsAfter}), label: 'Next attachments'}] : []),
  ]
  return page({...frame, title: 'Resources', app: {name: app, tab: 'resources'}, cli: [`addonkit addons --app ${app}`, `addonkit addons:create SERVICE --app ${app}`]}, html`
<h1>Resources</h1>
<p class="muted">${data.app.space ? html`Space ${data.app.space.name}` : html`Region ${data.app.region.name}`} · add-ons this month so far: ${millicentsText(data.costs.total)}</p>
<p><a class="button" href="${path`/dashboard/apps/${app}/addons/new`}">Add an add-on</a></p>
<h2 id="addons-heading">Add-ons</h2>
${dataTable('Add-ons', ['Plan', 'Name', 'Price', 'State', 'This month'], data.addons.map((addon) => addonRow(app, addon, data.costs.byAddon.get(addon.id))), {id: 'addons', empty: 'There are no add-ons.'})}
<p id="addons-status" class="visually-hidden" aria-live="polite"></p>
<h2>Attachments</h2>
${dataTable('Attachments', ['Name', 'Add-on', 'Billing App'], data.attachments.map((a) => attachmentRow(app, a)), {empty: 'There are no attachments.'})}
${pager(links)}`)
}

// One add-on: while it is being created or destroyed, the row asks for itself again every 2 seconds
// (htmx) until it settles; then the news is announced to screen readers.
export function addonRow(app: string, addon: Addon, cost: Cost | undefined, announce = false): Html {
  const settling = isSettling(addon.state)
  const poll = settling ? html` hx-get="${path`/dashboard/apps/${app}/addons/${addon.id}/row`}" hx-trigger="every 2s" hx-swap="outerHTML"` : ''
  return html`<tr id="${`addon-${addon.id}`}"${poll}>
<td>${addon.plan.name}</td>
<td><a href="${path`/dashboard/apps/${app}/addons/${addon.id}`}">${addon.name}</a></td>
<td>${priceText(addon.billed_price)}</td>
<td>${stateBadge(addon.state)}</td>
<td>${costCell(cost)}</td>
</tr>${announce && !settling && html`
<p id="addons-status" class="visually-hidden" aria-live="polite" hx-swap-oob="true">${addon.name} is ${stateBadge(addon.state)}</p>`}`
}

// What an add-on's row becomes once it is gone: nothing (htmx removes the row), and the news.
export function goneRow(): Html {
  return html`<p id="addons-status" class="visually-hidden" aria-live="polite" hx-swap-oob="true">An add-on was destroyed.</p>`
}

// nothing billed yet (an add-on created this second) is $0.00
function costCell(cost: Cost | undefined): Html {
  if (!cost) return html`$0.00`
  return html`${millicentsText(cost.millicents)}${cost.contract ? ' + contract' : ''}`
}

function attachmentRow(app: string, attachment: Attachment): Html {
  return html`<tr>
<td>${attachment.name}</td>
<td><a href="${path`/dashboard/apps/${app}/addons/${attachment.addon.id}`}">${attachment.addon.name}</a></td>
<td>${attachment.addon.app.name}</td>
</tr>`
}
