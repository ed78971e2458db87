import {type ConformanceContext} from './context.js'

export type ConfigVars = Record<string, string>

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0'])

/**
 * The checks on the `config` a provision or plan change answered with: an object, every name
 * declared, every value a string, every *_URL a URL with a host. Each fault fails only the check
 * that names it (a number under a *_URL name fails "strings", not "URLs"). Returns the usable vars.
 */
export function checkConfig(context: ConformanceContext, subject: string, body: unknown): ConfigVars {
  if (typeof body !== 'object' || body === null || !('config' in body)) return {}
  const {report, manifest} = context
  const config = (body as {config: unknown}).config
  if (!report.verdict(`${subject}config is an object`, isPlainObject(config) ? undefined : `config is ${JSON.stringify(config)}, not an object`)) return {}
  const entries = Object.entries(config as Record<string, unknown>)

  const declared = manifest.api.config_vars
  const undeclared = entries.map(([name]) => name).filter((name) => !declared.includes(name))
  const missing = declared.filter((name) => !entries.some(([key]) => key === name))
  report.verdict(
    `${subject}config vars are declared in the manifest`,
    undeclared.length ? undeclared.map((name) => `${name} is not in the manifest`).join('; ') : undefined,
    missing.length ? `not returned (allowed): ${missing.join(', ')}` : undefined,
  )

  const notStrings = entries.filter(([, value]) => typeof value !== 'string')
  report.verdict(
    `${subject}config values are strings`,
    notStrings.length ? notStrings.map(([name, value]) => `${name} is not a string (${JSON.stringify(value)})`).join('; ') : undefined,
  )

  const urlProblems = entries
    .filter(([name, value]) => name.endsWith('_URL') && typeof value === 'string')
    .map(([name, value]) => urlProblem(name, value as string, context.production))
    .filter((problem): problem is string => problem !== undefined)
  report.verdict(`${subject}*_URL config vars are URLs with a host`, urlProblems.length ? urlProblems.join('; ') : undefined)

  return Object.fromEntries(entries.filter(([, value]) => typeof value === 'string')) as ConfigVars
}

function urlProblem(name: string, value: string, production: boolean): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `${name} is not a URL (${JSON.stringify(value)})`
  }
  if (url.hostname === '') return `${name} has no host (${JSON.stringify(value)})`
  if (production && localHosts.has(url.hostname)) return `${name} points at ${url.hostname}: a production app cannot reach it`
  return undefined
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
