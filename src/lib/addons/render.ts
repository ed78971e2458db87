import type {Addon, Attachment, Plan, Price} from '../api/types.js'
import {formatPrice} from '../output/price.js'
import {sortByText} from '../output/sort-by-text.js'
import {renderTable} from '../output/table.js'
import {isPending} from './wait.js'

// What the add-on costs its owner: a grandfathered billed price wins over the plan's list price (whose
// `metered`, which billed_price never carries, stays).
export function priceOf(addon: Pick<Addon, 'billed_price' | 'plan'>): Price | null {
  const listed = (addon.plan as Partial<Plan>).price
  if (!addon.billed_price) return listed ?? null
  return listed?.metered ? {...addon.billed_price, metered: true} : addon.billed_price
}

// `important-redis`, or `important-redis (provisioning)` while the provider is still working.
export function displayName(addon: Pick<Addon, 'name' | 'state'>): string {
  return isPending(addon) ? `${addon.name} (${addon.state})` : addon.name
}

// The seed's `addons --app APP` is two of these: the add-ons the app owns (and pays for), by plan then
// name, under `=== Resources for APP`; then every alias on it (renderAttachments).
export function renderResources(app: string, addons: Addon[]): string[] {
  const owned = sortByText(
    addons.filter((addon) => addon.app.name === app),
    (addon) => [addon.plan.name, addon.name],
  )
  const table =
    owned.length === 0
      ? 'There are no add-ons.'
      : renderTable(
          [
            {header: 'Plan', get: (addon: Addon) => addon.plan.name},
            {header: 'Name', get: displayName},
            {header: 'Price', get: (addon) => formatPrice(priceOf(addon))},
          ],
          owned,
        )
  return [`=== Resources for ${app}`, table]
}

// `=== Attachments for APP`: every alias on the app, by name.
export function renderAttachments(app: string, attachments: Attachment[]): string[] {
  const attached = sortByText(attachments, (attachment) => [attachment.name])
  const table =
    attached.length === 0
      ? 'There are no attachments.'
      : renderTable(
          [
            {header: 'Name', get: (attachment: Attachment) => attachment.name},
            {header: 'Add-on', get: (attachment) => attachment.addon.name},
            {header: 'Billing App', get: (attachment) => attachment.addon.app.name},
          ],
          attached,
        )
  return [`=== Attachments for ${app}`, table]
}

// `addons --all`: every add-on the caller can see, one row each.
export function renderAllAddons(addons: Addon[]): string[] {
  if (addons.length === 0) return ['=== Add-ons', 'There are no add-ons.']
  const sorted = sortByText(addons, (addon) => [addon.app.name, addon.plan.name, addon.name])
  return [
    '=== Add-ons',
    renderTable(
      [
        {header: 'Owning App', get: (addon: Addon) => addon.app.name},
        {header: 'Add-on', get: (addon) => addon.name},
        {header: 'Plan', get: (addon) => addon.plan.name},
        {header: 'Price', get: (addon) => formatPrice(priceOf(addon))},
        {header: 'State', get: (addon) => addon.state},
      ],
      sorted,
    ),
  ]
}
