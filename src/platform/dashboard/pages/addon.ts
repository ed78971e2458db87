import type {Attachment} from '../../../wire/platform-api.js'
import type {AddonData} from '../data/addon.js'
import {html, path, type Html} from '../html.js'
import {csrfField, dataTable, millicentsText, priceText, stateBadge, timeText} from './components.js'
import {page, type Frame} from './layout.js'

type SignedIn = Frame & {account: {csrfToken: string}}

// One add-on: what it is and costs, its Attachment Details (the config var names each alias owns),
// and what can be done to it, each with the command that does the same.
export function addonPage(frame: SignedIn, data: AddonData): string {
  const {addon, app} = data
  const base = path`/dashboard/apps/${app}/addons/${addon.id}`
  const csrf = frame.account.csrfToken
  // another app by default (an add-on can also be attached to its own app again, under another alias)
  const suggested = data.apps.find((a) => !data.attachments.some((at) => at.app.id === a.id))?.name ?? app
  const cli = [
    `addonkit addons:info ${addon.name}`,
    `addonkit addons:attach ${addon.name} --app OTHER-APP --as ALIAS`,
    `addonkit addons:detach ALIAS --app ${app}`,
    `addonkit addons:upgrade ${addon.name} PLAN`,
    `addonkit addons:rename ${addon.name} NEW-NAME`,
    `addonkit addons:open ${addon.name}`,
    `addonkit addons:destroy ${addon.name} --confirm ${addon.app.name}`,
  ]
  return page({...frame, title: addon.name, app: {name: app, tab: 'resources'}, cli}, html`
<h1>${addon.name}</h1>
<dl class="facts">
<dt>Service</dt><dd>${data.service.humanName} <span class="muted">${data.service.name}</span></dd>
<dt>Plan</dt><dd>${data.plan.human_name} <span class="muted">${addon.plan.name}</span> · ${priceText(addon.billed_price)}</dd>
<dt>State</dt><dd>${stateBadge(addon.state)}</dd>
<dt>Billing app</dt><dd><a href="${path`/dashboard/apps/${addon.app.name}/resources`}">${addon.app.name}</a></dd>
<dt>This month</dt><dd>${costText(data)} <span class="muted">so far</span></dd>
<dt>Created</dt><dd>${timeText(addon.created_at)}</dd>
</dl>
<div class="actions">
${addon.web_url ? html`<a class="button" href="${path`/dashboard/addons/${addon.id}/open`}">Open ${addon.name}’s dashboard</a>` : html`<span class="muted">${data.service.humanName} has no dashboard.</span>`}
<a class="button danger" href="${`${base}/destroy`}" data-dialog>Destroy…</a>
</div>

<h2 id="details-heading">Attachment Details</h2>
${dataTable('Attachment Details', ['Attachment', 'App', 'Config vars', ''], data.attachments.map((a) => attachmentRow(csrf, base, a)), {empty: 'It is attached nowhere.'})}

<h2 id="attach-heading">Attach to another app</h2>
${data.service.supportsSharing ? html`<form method="post" action="${`${base}/attachments`}" class="row" aria-labelledby="attach-heading">
${csrfField(csrf)}
<label>App <select name="app">${data.apps.map((a) => html`<option value="${a.name}"${a.name === suggested ? html` selected` : ''}>${a.name}</option>`)}</select></label>
<label>As <span class="hint">optional alias</span> <input name="as" autocomplete="off" pattern="[A-Za-z][A-Za-z0-9_]*"></label>
<button type="submit">Attach</button>
</form>` : html`<p class="muted">${data.service.humanName} add-ons cannot be shared with other apps.</p>`}

<h2 id="plan-heading">Change plan</h2>
<form method="post" action="${`${base}/plan`}" class="row" aria-labelledby="plan-heading">
${csrfField(csrf)}
<label>Plan <select name="plan">${data.plans.map((p) => html`<option value="${p.name}"${p.name === addon.plan.name ? html` selected` : ''}>${p.human_name} (${priceText(p.price)})</option>`)}</select></label>
<button type="submit">Change plan</button>
</form>

<h2 id="rename-heading">Rename</h2>
<form method="post" action="${`${base}/rename`}" class="row" aria-labelledby="rename-heading">
${csrfField(csrf)}
<label>New name <input name="name" value="${addon.name}" autocomplete="off" required></label>
<button type="submit">Rename</button>
</form>`)
}

function costText(data: AddonData): Html {
  return html`${millicentsText(data.cost.millicents)}${data.cost.contract ? ' + contract' : ''}`
}

function attachmentRow(csrf: string, base: string, attachment: Attachment): Html {
  const vars = attachment.config_vars ?? []
  return html`<tr>
<td>${attachment.app.name}::${attachment.name}</td>
<td><a href="${path`/dashboard/apps/${attachment.app.name}/settings`}">${attachment.app.name}</a></td>
<td>${vars.length === 0 ? html`<span class="muted">none</span>` : vars.map((v, i) => html`${i > 0 ? ', ' : ''}<code>${v}</code>`)}</td>
<td><form method="post" action="${`${base}/attachments/${encodeURIComponent(attachment.id)}/detach`}" class="inline">
${csrfField(csrf)}<button type="submit" class="secondary" aria-label="${`Detach ${attachment.name} from ${attachment.app.name}`}">Detach</button></form></td>
</tr>`
}
