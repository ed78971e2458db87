import {UsageError} from '../errors.js'

// The provider options given after `--` on addons:create: `KEY=VALUE`, `--key value`, `--key=value`,
// or a bare `--flag` (sent as 'true'). The platform forwards them to the provider as strings.
export function parseProviderOptions(args: string[]): Record<string, string> {
  const options: Record<string, string> = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg.startsWith('-')) {
      const [key, value] = splitAssignment(arg.replace(/^-+/, ''))
      if (!key) throw new UsageError(`${arg} is not a provider option. Use KEY=VALUE or --key value.`)
      if (value !== undefined) options[key] = value
      else if (i + 1 < args.length && !args[i + 1].startsWith('-')) options[key] = args[++i]
      else options[key] = 'true'
      continue
    }
    const [key, value] = splitAssignment(arg)
    if (!key || value === undefined) throw new UsageError(`${arg} is invalid. Provider options must be KEY=VALUE, --key value or --flag.`)
    options[key] = value
  }
  return options
}

function splitAssignment(text: string): [string, string | undefined] {
  const at = text.indexOf('=')
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}
