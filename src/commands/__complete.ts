import {Command, Flags} from '@oclif/core'
import {answerCompletion, fillCompletionCache} from '../lib/completion/answer.js'

// The shell scripts of `autocomplete:script` run `addonkit __complete -- WORDS...` on every TAB and
// show what it prints: one candidate a line, `value<TAB>description`. It never prompts and never
// prints an error (the shell would show it among the candidates), and it answers within the budget
// of lib/completion/complete.ts or goes without the platform's names. The built CLI answers it in
// bin/run.js without loading oclif; this command is the same answer through oclif.
export default class Complete extends Command {
  static hidden = true
  static description = 'completion candidates for the words after `--` (used by the shell scripts of autocomplete:script)'
  static strict = false
  static flags = {fill: Flags.string({hidden: true, description: 'fetch one list into the cache (its JSON key), printing nothing'})}

  async run(): Promise<void> {
    let parsed
    try {
      parsed = await this.parse(Complete)
    } catch {
      return
    }
    const options = {commands: this.config.commands, cacheDir: this.config.cacheDir, root: this.config.root}
    if (parsed.flags.fill !== undefined) await fillCompletionCache(parsed.flags.fill, options)
    else await answerCompletion(parsed.argv as string[], options)
  }

  // Nothing reaches the shell but candidates.
  async catch(): Promise<void> {}
}
