// What the shell asks to complete: the words typed after the CLI's name, the last one being the word
// under the cursor ('' after a space), read against the commands' flags and args as oclif parses them.

// The command shapes completion reads: oclif's own (config.commands) and its manifest's both fit.
export interface CommandShape {
  id: string
  hidden?: boolean
  aliases?: string[]
  summary?: string
  description?: string
  strict?: boolean
  flags: Record<string, FlagShape>
  args: Record<string, {name: string; description?: string}>
}

export interface FlagShape {
  name: string
  type: 'boolean' | 'option'
  char?: string
  description?: string
  summary?: string
  options?: readonly string[]
  multiple?: boolean
  hidden?: boolean
}

export type CompletionTarget =
  | {kind: 'command'; prefix: string}
  | {kind: 'flag'; command: CommandShape; prefix: string; used: Set<string>}
  // `insert` goes before each value: `--app=` when the word is `--app=my`
  | {kind: 'flag-value'; command: CommandShape; flag: FlagShape; prefix: string; insert: string}
  | {kind: 'arg'; command: CommandShape; arg: string; index: number; prefix: string}
  | {kind: 'none'}

export interface ParsedLine {
  target: CompletionTarget
  // the flags given so far, by name (--app's value names the app whose add-ons are completed)
  flags: Record<string, string>
  // the args given before the word being completed
  args: string[]
}

export function findCommand(commands: CommandShape[], id: string): CommandShape | undefined {
  return commands.find((c) => c.id === id) ?? commands.find((c) => c.aliases?.includes(id))
}

export function parseLine(commands: CommandShape[], words: string[]): ParsedLine {
  const none = {target: {kind: 'none'} as CompletionTarget, flags: {}, args: []}
  if (words.length === 0) words = ['']
  const current = words.at(-1)!
  if (words.length === 1) return {...none, target: current.startsWith('-') ? {kind: 'none'} : {kind: 'command', prefix: current}}
  const command = findCommand(commands, words[0])
  if (!command) return none

  const flags: Record<string, string> = {}
  const used = new Set<string>()
  const args: string[] = []
  let pending: FlagShape | undefined
  let afterDashDash = false
  for (const word of words.slice(1, -1)) {
    if (pending) {
      flags[pending.name] = word
      pending = undefined
      continue
    }
    if (afterDashDash || word === '-' || !word.startsWith('-')) {
      args.push(word)
      continue
    }
    if (word === '--') {
      afterDashDash = true
      continue
    }
    const {flag, value} = readFlag(command, word)
    if (!flag) continue
    used.add(flag.name)
    if (flag.type === 'boolean') continue
    if (value === undefined) pending = flag
    else flags[flag.name] = value
  }

  if (pending) return {target: {kind: 'flag-value', command, flag: pending, prefix: current, insert: ''}, flags, args}
  if (!afterDashDash && current.startsWith('-')) {
    const equals = current.indexOf('=')
    if (current.startsWith('--') && equals > 0) {
      const flag = flagByName(command, current.slice(2, equals))
      if (!flag || flag.type === 'boolean') return {...none, flags, args}
      return {target: {kind: 'flag-value', command, flag, prefix: current.slice(equals + 1), insert: current.slice(0, equals + 1)}, flags, args}
    }
    return {target: {kind: 'flag', command, prefix: current, used}, flags, args}
  }
  const argNames = Object.values(command.args).map((a) => a.name)
  // a command that takes any number of args (config:unset KEYS...) completes its last one again; what
  // follows `--` beyond the declared args is someone else's (provider options, a command to run)
  const arg = argNames[args.length] ?? (command.strict === false && !afterDashDash ? argNames.at(-1) : undefined)
  if (arg === undefined) return {...none, flags, args}
  return {target: {kind: 'arg', command, arg, index: args.length, prefix: current}, flags, args}
}

// `--app`, `--app=x`, `-a`, `-ax`
function readFlag(command: CommandShape, word: string): {flag?: FlagShape; value?: string} {
  if (word.startsWith('--')) {
    const equals = word.indexOf('=')
    const name = equals > 0 ? word.slice(2, equals) : word.slice(2)
    return {flag: flagByName(command, name), value: equals > 0 ? word.slice(equals + 1) : undefined}
  }
  const flag = Object.values(command.flags).find((f) => f.char === word[1])
  return {flag, value: word.length > 2 ? word.slice(2).replace(/^=/, '') : undefined}
}

function flagByName(command: CommandShape, name: string): FlagShape | undefined {
  return command.flags[name] ?? Object.values(command.flags).find((f) => f.name === name)
}
