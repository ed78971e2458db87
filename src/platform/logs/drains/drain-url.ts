import {LOG_DRAIN_URL_PATTERN} from '../../../wire/logplex.js'

// Where one drain's deliveries go, read from its URL once per delivery run.
export type DrainTarget =
  // POSTs to `url` (userinfo taken out of it and sent as Basic auth instead, as Logplex does)
  | {kind: 'http'; url: string; authorization?: string}
  // syslog over TCP, TLS for syslog+tls://
  | {kind: 'syslog'; host: string; port: number; tls: boolean}

// Why `url` cannot be a drain, in one sentence naming it; undefined when it can.
export function drainUrlProblem(url: string): string | undefined {
  const refused = (why: string) => `Url ${url} cannot be a log drain: ${why}`
  if (!LOG_DRAIN_URL_PATTERN.test(url)) return refused('use an https://, http://, syslog:// or syslog+tls:// URL.')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refused('it is not a valid URL.')
  }
  if (parsed.hostname === '') return refused('it names no host.')
  if (parsed.protocol.startsWith('syslog') && parsed.port === '') return refused('a syslog drain needs a port (syslog://HOST:PORT).')
  return undefined
}

// Only for URLs drainUrlProblem accepted.
export function drainTarget(url: string): DrainTarget {
  const parsed = new URL(url)
  if (parsed.protocol.startsWith('syslog')) {
    // [::1] in a URL is ::1 to a socket
    return {kind: 'syslog', host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(parsed.port), tls: parsed.protocol === 'syslog+tls:'}
  }
  if (parsed.username === '' && parsed.password === '') return {kind: 'http', url: parsed.toString()}
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`
  parsed.username = ''
  parsed.password = ''
  return {kind: 'http', url: parsed.toString(), authorization: `Basic ${Buffer.from(credentials).toString('base64')}`}
}
