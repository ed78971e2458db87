import {Args} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {type Shell, setupInstructions, SHELLS} from '../../lib/completion/scripts.js'

export default class Autocomplete extends BaseCommand {
  static description = `show how to turn on shell completion (bash, zsh or fish)
Completes commands and flags, and names read live from the current platform: apps for --app, add-on names and aliases, service:plan for addons:create and addons:upgrade, config var names for config:get and config:unset. Names are kept 30 s in the cache folder; a TAB never waits more than 300 ms for them.`
  static examples = ['<%= config.bin %> <%= command.id %> bash', '<%= config.bin %> <%= command.id %> zsh']
  static args = {shell: Args.string({description: 'the shell (default: from $SHELL)', options: [...SHELLS]})}

  async run(): Promise<void> {
    const {args} = await this.parse(Autocomplete)
    const shell = (args.shell ?? shellFromEnv(this.deps.env)) as Shell
    this.log(setupInstructions(shell, this.config.bin).trimEnd())
  }
}

function shellFromEnv(env: NodeJS.ProcessEnv): Shell {
  const name = (env.SHELL ?? '').split('/').pop() ?? ''
  return (SHELLS as readonly string[]).includes(name) ? (name as Shell) : 'bash'
}
