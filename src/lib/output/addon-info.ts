import type {Addon, Attachment} from '../api/types.js'
import {priceOf} from '../addons/render.js'
import {addonStateLabel} from './addon-state.js'
import {formatHeader, formatKeyValues, type KeyValue} from './key-value.js'
import {formatPrice} from './price.js'

// `addons:info`: the header, then the add-on's facts in alphabetical order as the heroku CLI prints them;
// `costThisMonth` where the platform tells it (the local platform does, Heroku does not).
export function formatAddonInfo(addon: Addon, attachments: Attachment[], costThisMonth?: string): string[] {
  return [
    formatHeader(addon.name),
    ...formatKeyValues([
      ['Attachments', attachments.map((a) => `${a.app.name}::${a.name}`).sort().join(', ')],
      ...(costThisMonth === undefined ? [] : [['Cost this month', costThisMonth] as KeyValue]),
      ['Installed at', addon.created_at],
      ['Owning app', addon.app.name],
      ['Plan', addon.plan.name],
      ['Price', formatPrice(priceOf(addon))],
      ['State', addonStateLabel(addon.state)],
    ]),
  ]
}
