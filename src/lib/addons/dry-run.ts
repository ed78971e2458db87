import type {Attachment} from '../api/types.js'
import {AddonkitError} from '../errors.js'
import type {DoomedAddon} from './destroy.js'

// What --dry-run prints for the commands that take things away: exactly the attachments and config
// vars that would go, read the way the real command reads them, and nothing is sent that changes.

export const DRY_RUN_CLOSING = 'Dry run: nothing changed.'

const varsOf = (attachment: Attachment) => (attachment.config_vars?.length ? `, unsetting ${attachment.config_vars.join(', ')}` : '')

// `Would destroy cooling-carefully-7273 (heroku-redis:mini) on example-app`, then one line per alias
// it takes with it, on any app.
export function destroyPreview(doomed: DoomedAddon[]): string[] {
  const lines: string[] = []
  for (const {addon, attachments} of doomed) {
    lines.push(`Would destroy ${addon.name} (${addon.plan.name}) on ${addon.app.name}`)
    const sorted = [...attachments].sort((a, b) => a.app.name.localeCompare(b.app.name) || a.name.localeCompare(b.name))
    for (const attachment of sorted) lines.push(`  and remove ${attachment.name} from ${attachment.app.name}${varsOf(attachment)}`)
  }
  return [...lines, DRY_RUN_CLOSING]
}

// `all`: every attachment of the add-on, with their config vars. The owning app's last alias of its
// own add-on cannot be removed (that is what addons:destroy is for): the real detach would be refused.
export function detachPreview(attachment: Attachment, all: Attachment[]): string[] {
  const owner = attachment.addon.app.name
  if (attachment.app.name === owner && all.filter((a) => a.app.name === owner).length <= 1) {
    throw new AddonkitError(`${attachment.name} is the last attachment of ${attachment.addon.name} to ${owner}, its billing app: addons:detach would be refused (addons:destroy ${attachment.addon.name} removes it).`)
  }
  return [`Would remove ${attachment.name} (attachment to ${attachment.addon.name}) from ${attachment.app.name}${varsOf(attachment)}`, DRY_RUN_CLOSING]
}
