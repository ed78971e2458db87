import {Errors, type Hook, ux} from '@oclif/core'
import {suggestCommands} from '../lib/command-suggestions.js'
import {ExitCode} from '../lib/errors.js'

// `addonkit addons:lst`: one line naming the nearest commands, exit 2 (usage), like every other
// addonkit error. Inside a host CLI that loads addonkit as a plugin, an unknown command is the host's
// business: this hook then fails the way oclif does when no hook answers, so the host's own hook (or
// oclif's message) decides what is printed.
const hook: Hook.CommandNotFound = async function ({config, id}) {
  if (!config.plugins.get('addonkit')?.isRoot) throw new Errors.CLIError(`command ${id} not found`)
  const typed = id.replaceAll(' ', ':')
  const visible = config.commands.filter((command) => !command.hidden).map((command) => command.id)
  const nearest = suggestCommands(typed, [...visible, ...config.topics.map((topic) => topic.name)])
  const hint = nearest.length > 0 ? ` Did you mean ${nearest.join(' or ')}?` : ''
  ux.stderr(`Error: ${typed} is not an ${config.bin} command.${hint} "${config.bin} help" lists them all.`)
  this.exit(ExitCode.usage)
}

export default hook
