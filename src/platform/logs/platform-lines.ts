import {logTime, type LogLine} from '../../wire/logplex.js'

// The platform's own lines in an app's stream: `app[api]`, as Heroku writes what the API changed.
export function apiLine(message: string): LogLine {
  return {time: logTime(), source: 'app', process: 'api', message}
}

// A release description without its `@ref:` markers (`Attach REDIS (@ref:important-redis)` reads
// `Attach REDIS (important-redis)`).
export function plainDescription(description: string): string {
  return description.replace(/@ref:/g, '')
}

// An add-on's create, destroy or plan change, with what its provider said about it.
export function addonLine(verb: string, addonName: string, planName: string, by: string, providerMessage: string | null | undefined): LogLine {
  const said = providerMessage?.trim()
  return apiLine(`${verb} ${addonName} (${planName}) by ${by}${said ? `: ${said}` : ''}`)
}
