import {toCents} from '../../../wire/billing.js'
import type {Price} from '../../../wire/platform-api.js'
import {html, type Html, type HtmlValue} from '../html.js'

// Small pieces every page uses.

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`
}

// An add-on's state in the words `addons:info` uses, with a colour that is never the only clue.
const STATES: Record<string, [string, 'ok' | 'wait' | 'bad']> = {
  provisioned: ['created', 'ok'],
  provisioning: ['creating', 'wait'],
  deprovisioning: ['destroying', 'wait'],
  deprovisioned: ['destroyed', 'bad'],
}

export function stateBadge(state: string): Html {
  const [label, tone] = STATES[state] ?? [state, 'bad']
  return html`<span class="badge ${tone}">${label}</span>`
}

export const isSettling = (state: string) => state === 'provisioning' || state === 'deprovisioning'

// `$3/month`, `free`, `contract`, `metered`: the CLI's price column.
export function priceText(price: Pick<Price, 'cents' | 'unit' | 'contract'> & {metered?: boolean} | null | undefined): string {
  if (!price) return ''
  if (price.contract) return 'contract'
  if (price.metered) return 'metered'
  if (price.cents === 0) return 'free'
  const dollars = price.cents % 100 === 0 ? String(price.cents / 100) : (price.cents / 100).toFixed(2)
  return `$${dollars}/${price.unit || 'month'}`
}

// Money kept in millicents (1/1000 of a cent), as dollars and cents, rounded half up to the cent
// as an invoice is.
export function millicentsText(millicents: number): string {
  const cents = toCents(millicents)
  return `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

export function timeText(iso: string): Html {
  const shown = iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')
  return html`<time datetime="${iso}">${shown}</time>`
}

// A table in a labelled region that scrolls sideways on a narrow screen (and can be focused to
// scroll it with the keyboard).
export function dataTable(label: string, headers: string[], rows: HtmlValue[], options: {id?: string; empty?: string} = {}): Html {
  if (rows.length === 0) return html`<p class="muted">${options.empty ?? 'Nothing here yet.'}</p>`
  return html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">
<table${options.id ? html` id="${options.id}"` : ''}>
<thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`
}

// "Next page" for lists the dashboard shows a screen at a time.
export function pager(links: Array<{href: string; label: string}>): Html {
  if (links.length === 0) return html``
  return html`<nav class="pager" aria-label="Pages">${links.map((l) => html`<a href="${l.href}">${l.label}</a>`)}</nav>`
}
