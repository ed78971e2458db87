import type {ConfigVars} from '../api/types.js'

// `KEY: value` lines, values aligned one space after the longest key, keys sorted (the seed's `config`).
export function formatConfigVars(vars: ConfigVars): string[] {
  const keys = Object.keys(vars).sort()
  const width = Math.max(0, ...keys.map((k) => k.length + 1))
  return keys.map((key) => `${`${key}:`.padEnd(width)} ${vars[key]}`)
}

// KEY='value' lines a shell can source.
export function formatShell(vars: ConfigVars): string[] {
  return Object.keys(vars)
    .sort()
    .map((key) => `${key}=${shellQuote(vars[key])}`)
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]*$/.test(value) && value !== '' ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

// KEY=VALUE arguments of config:set; the value may itself contain `=`.
export function parseAssignments(args: string[]): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const arg of args) {
    const at = arg.indexOf('=')
    if (at <= 0) throw new Error(`${arg} is invalid. Must be in the format KEY=VALUE.`)
    vars[arg.slice(0, at)] = arg.slice(at + 1)
  }
  return vars
}

// "A", "A and B", "A, B and C"
export function humanList(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
