import {Args} from '@oclif/core'
import {BaseCommand} from '../../lib/base-command.js'
import {completionScript, type Shell, SHELLS} from '../../lib/completion/scripts.js'

export default class AutocompleteScript extends BaseCommand {
  static description = 'print the completion script for a shell (see autocomplete for where it goes)'
  static examples = ['<%= config.bin %> <%= command.id %> bash', '<%= config.bin %> <%= command.id %> fish > ~/.config/fish/completions/<%= config.bin %>.fish']
  static args = {shell: Args.string({description: 'the shell', options: [...SHELLS], required: true})}

  async run(): Promise<void> {
    const {args} = await this.parse(AutocompleteScript)
    process.stdout.write(completionScript(args.shell as Shell, this.config.bin))
  }
}
