import type {Plan} from '../../../wire/platform-api.js'
import type {PlanMeter} from '../../../wire/billing.js'
import type {ServiceChoice, ServiceSummary} from '../data/catalog.js'
import {html, path, type Html} from '../html.js'
import {csrfField, priceText} from './components.js'
import {page, type Frame} from './layout.js'

export interface NewAddonView {
  app: string
  query: string
  services: ServiceSummary[]
  chosen?: ServiceChoice
  // what the user typed, when the form comes back with an error
  values?: Record<string, string>
}

// Adding an add-on: search the catalog, pick a service, then its plan, name, alias and options.
export function newAddonPage(frame: Frame & {account: {csrfToken: string}}, view: NewAddonView): string {
  const {app, chosen} = view
  const base = path`/dashboard/apps/${app}/addons/new`
  const cli = chosen
    ? [`addonkit addons:plans ${chosen.name}`, `addonkit addons:create ${chosen.defaultPlan} --app ${app} --name NAME --as ALIAS -- KEY=VALUE`]
    : ['addonkit addons:services', `addonkit addons:create SERVICE --app ${app}`]
  return page({...frame, title: 'Add an add-on', app: {name: app, tab: 'resources'}, cli}, html`
<h1>Add an add-on</h1>
<form method="get" action="${base}" class="row" role="search">
<label>Search the catalog
<input type="search" name="q" value="${view.query}" autocomplete="off"
  hx-get="${base}" hx-trigger="input changed delay:300ms, search" hx-target="#services" hx-select="#services" hx-swap="outerHTML"></label>
<button type="submit" class="secondary">Search</button>
</form>
<ul id="services" class="cards" aria-label="Services">
${view.services.length === 0 ? html`<li>No service matches “${view.query}”.</li>` : view.services.map((service) => html`<li>
<strong>${service.humanName}</strong> <span class="muted">${service.name}</span><br>
<span class="muted">${service.plans} ${service.plans === 1 ? 'plan' : 'plans'}</span><br>
<a href="${`${base}?service=${encodeURIComponent(service.name)}`}"${chosen?.name === service.name ? html` aria-current="true"` : ''}>Choose ${service.humanName}</a>
</li>`)}
</ul>
${chosen && createForm(frame.account.csrfToken, app, chosen, view.values ?? {})}`)
}

function createForm(csrf: string, app: string, service: ServiceChoice, values: Record<string, string>): Html {
  const selected = values.plan ?? service.defaultPlan
  return html`<h2 id="create-heading">${service.humanName}</h2>
${service.configVars.length > 0 && html`<p class="muted">Sets ${service.configVars.join(', ')} (under its alias) on ${app}.</p>`}
<form method="post" action="${path`/dashboard/apps/${app}/addons`}" class="stack" aria-labelledby="create-heading">
${csrfField(csrf)}
<fieldset><legend>Plan</legend>
<div class="plans">
${service.planList.map((plan) => planChoice(plan, plan.name === selected))}
</div>
</fieldset>
<label>Name <span class="hint">optional: a name is made up when left empty</span>
<input name="name" value="${values.name ?? ''}" autocomplete="off"></label>
<label>Attach as <span class="hint">optional alias, e.g. CACHE (its config vars are then named CACHE_…); the provider's default otherwise</span>
<input name="as" value="${values.as ?? ''}" autocomplete="off" pattern="[A-Za-z][A-Za-z0-9_]*"></label>
<label>Provider options <span class="hint">optional: KEY=VALUE, one per line, sent to the provider as the CLI's <code>-- KEY=VALUE</code></span>
<textarea name="options" rows="3">${values.options ?? ''}</textarea></label>
<div><button type="submit">Add ${service.humanName}</button></div>
</form>`
}

function planChoice(plan: Plan, checked: boolean): Html {
  const meters = (plan as Plan & {meters?: PlanMeter[]}).meters ?? []
  return html`<label class="choice"><input type="radio" name="plan" value="${plan.name}"${checked ? html` checked` : ''}>
<span><strong>${plan.human_name}</strong> <span class="muted">${plan.name}</span> · ${priceText(plan.price)}
${plan.description && html`<br><span class="hint">${plan.description}</span>`}
${meters.length > 0 && html`<br><span class="hint">metered: ${meters.map((m, i) => html`${i > 0 ? ', ' : ''}${m.name} at ${m.cents_per_unit}¢ per ${m.unit}`)}</span>`}</span></label>`
}

// The platform asked before replacing an alias (or the user vars it would take over): the same
// change again, confirmed with the app's name, as the CLI's prompt does.
export function confirmOverwritePage(frame: Frame & {account: {csrfToken: string}}, view: {app: string; message: string; action: string; fields: Record<string, string>; confirm: string; back: string; cli: string[]}): string {
  return page({...frame, title: 'Confirm', app: {name: view.app}, cli: view.cli}, html`
<section id="confirm" aria-labelledby="confirm-heading">
<h1 id="confirm-heading">Replace an attachment?</h1>
<p>${view.message}</p>
<form method="post" action="${view.action}" class="actions">
${csrfField(frame.account.csrfToken)}
${Object.entries(view.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<input type="hidden" name="confirm" value="${view.confirm}">
<button type="submit" class="danger">Replace it</button>
<a href="${view.back}" data-cancel>Cancel</a>
</form>
</section>`)
}
