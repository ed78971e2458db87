import {createHash} from 'node:crypto'
import {connect as tcpConnect, type Socket} from 'node:net'
import {connect as tlsConnect} from 'node:tls'
import {httpsDrainFrame, LOGPLEX_CONTENT_TYPE, logTime, syslogDrainFrame, type LogLine} from '../../wire/logplex.js'
import {send} from './provider-http.js'
import {tlsProblem} from '../tls-problems.js'

// What Logplex's drains accept: an http(s) URL or a syslog one (TCP, optionally TLS).
export const DRAIN_URL_PATTERN = /^(https?|syslog(\+tls)?):\/\/\S+$/

export interface DeliveryOutcome {
  // the receiver took the batch (2xx, or a syslog connection that took the bytes)
  ok: boolean
  // what happened, for the report: "204", "500: the database is on fire", "ECONNREFUSED"
  detail: string
}

// Two lines, as an app's stream holds them.
export function sampleLines(now = new Date()): LogLine[] {
  const time = logTime(now)
  return [
    {time, source: 'app', process: 'web.1', message: 'provider:test sample line: the app says hello'},
    {time, source: 'heroku', process: 'router', message: 'at=info method=GET path="/" host=myapp.example.com status=200 bytes=42 service=3ms'},
  ]
}

/**
 * Delivers one batch to a drain as the platform does: for http(s), one POST of octet-counted frames
 * with Logplex's headers (userinfo in the URL becomes Basic auth); for syslog(+tls), the frames on a
 * TCP connection with the drain token as HOSTNAME.
 */
export async function deliverSampleBatch(drainUrl: string, drainToken: string, timeoutMs: number, lines = sampleLines()): Promise<DeliveryOutcome> {
  const url = new URL(drainUrl)
  if (url.protocol === 'syslog:' || url.protocol === 'syslog+tls:') return deliverSyslog(url, drainToken, timeoutMs, lines)
  const body = lines.map((line) => httpsDrainFrame(line)).join('')
  const headers: Record<string, string> = {
    'content-type': LOGPLEX_CONTENT_TYPE,
    'logplex-msg-count': String(lines.length),
    // Logplex's id of a batch: the MD5 of its body, upper-case hex
    'logplex-frame-id': createHash('md5').update(body).digest('hex').toUpperCase(),
    'logplex-drain-token': drainToken,
    'user-agent': 'Logplex/addonkit (provider:test)',
  }
  if (url.username || url.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    url.username = ''
    url.password = ''
  }
  const response = await send(url.toString(), {method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs)})
  const text = (await response.text()).trim().slice(0, 200)
  return {ok: response.status >= 200 && response.status < 300, detail: `${response.status}${text ? `: ${text}` : ''}`}
}

function deliverSyslog(url: URL, drainToken: string, timeoutMs: number, lines: LogLine[]): Promise<DeliveryOutcome> {
  const port = Number(url.port || (url.protocol === 'syslog+tls:' ? 6514 : 514))
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const body = lines.map((line) => syslogDrainFrame(line, drainToken)).join('')
  return new Promise((resolve) => {
    const socket: Socket = url.protocol === 'syslog+tls:' ? tlsConnect({host, port, servername: host}) : tcpConnect({host, port})
    const timer = setTimeout(() => finish({ok: false, detail: 'no connection in time'}), timeoutMs)
    let done = false
    const finish = (outcome: DeliveryOutcome) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve(outcome)
    }
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ok: false, detail: tlsProblem(error.code) ?? error.code ?? error.message}))
    socket.once(url.protocol === 'syslog+tls:' ? 'secureConnect' : 'connect', () => {
      socket.end(body, () => finish({ok: true, detail: `${lines.length} frames written to ${host}:${port}`}))
    })
  })
}
