import type {AddonData} from '../data/addon.js'
import {html, path} from '../html.js'
import {csrfField} from './components.js'
import {page, type Frame} from './layout.js'

// Destroying an add-on: what goes with it (every alias and the config vars each owns, on every
// app), and the add-on's app to type, as `addons:destroy` asks. `error`: the name typed was wrong.
export function destroyPage(frame: Frame & {account: {csrfToken: string}}, data: AddonData, error?: string): string {
  const {addon, app} = data
  const owner = addon.app.name
  const back = path`/dashboard/apps/${app}/addons/${addon.id}`
  return page({...frame, title: `Destroy ${addon.name}`, app: {name: app, tab: 'resources'}, flash: error ? {kind: 'error', text: error} : frame.flash, cli: [`addonkit addons:destroy ${addon.name} --confirm ${owner}`]}, html`
<section id="confirm" aria-labelledby="confirm-heading">
<h1 id="confirm-heading">Destroy ${addon.name}?</h1>
<p>The provider deprovisions it: whatever it holds is gone for good.</p>
${data.attachments.length === 0 ? html`<p>It is attached nowhere.</p>` : html`<p>These attachments and their config vars go with it:</p>
<ul>${data.attachments.map((a) => html`<li><strong>${a.name}</strong> on ${a.app.name}${(a.config_vars ?? []).length > 0 && html`: ${(a.config_vars ?? []).join(', ')}`}</li>`)}</ul>`}
<form method="post" action="${`${back}/destroy`}" class="stack">
${csrfField(frame.account.csrfToken)}
<label><span>Type <strong>${owner}</strong> to confirm</span> <span class="hint">the name of the app it belongs to</span>
<input name="confirm" autocomplete="off" required data-confirm-value="${owner}"></label>
<div class="actions"><button type="submit" class="danger">Destroy ${addon.name}</button> <a href="${back}" data-cancel>Cancel</a></div>
</form>
</section>`)
}
