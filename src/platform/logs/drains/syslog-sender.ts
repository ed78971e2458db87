import {connect as tcpConnect, isIP, type Socket} from 'node:net'
import {connect as tlsConnect} from 'node:tls'
import {CONNECT_TIMEOUT_MS, DELIVERED, REQUEST_TIMEOUT_MS, type SendOutcome} from './send-outcome.js'

// One batch to a syslog drain: a TCP (or TLS) connection, the octet-counted frames, then the
// connection closed. Syslog has no answer: handed to the network is delivered.
export function writeSyslog(target: {host: string; port: number; tls: boolean}, body: string): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (outcome: SendOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      clearTimeout(requestTimer)
      resolve(outcome)
    }
    const socket: Socket = target.tls
      ? tlsConnect({host: target.host, port: target.port, servername: isIP(target.host) ? undefined : target.host})
      : tcpConnect({host: target.host, port: target.port})
    const giveUp = (what: string) => () => {
      socket.destroy()
      settle({result: 'failed', reason: what})
    }
    const connectTimer = setTimeout(giveUp('ETIMEDOUT (connect)'), CONNECT_TIMEOUT_MS)
    const requestTimer = setTimeout(giveUp('ETIMEDOUT'), REQUEST_TIMEOUT_MS)
    socket.once(target.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(connectTimer)
      socket.end(body, () => {
        settle(DELIVERED)
        // a receiver that keeps its side open does not keep this socket
        socket.setTimeout(1000, () => socket.destroy())
      })
    })
    socket.on('error', (error) => settle({result: 'failed', reason: (error as {code?: string}).code ?? error.message}))
  })
}
