import {createHash, timingSafeEqual} from 'node:crypto'

export interface BasicCredentials {
  username: string
  password: string
}

export function parseBasicAuth(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '')
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return {username: decoded.slice(0, colon), password: decoded.slice(colon + 1)}
}

// Hashing both sides first gives equal lengths, so timingSafeEqual never leaks the secret's length.
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

export function credentialsMatch(header: string | undefined, username: string, password: string): boolean {
  const given = parseBasicAuth(header)
  if (!given) return false
  // Both comparisons always run so a wrong username costs the same time as a wrong password.
  const userOk = safeEqual(given.username, username)
  const passOk = safeEqual(given.password, password)
  return userOk && passOk
}
