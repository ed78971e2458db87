import {createHmac, timingSafeEqual} from 'node:crypto'

// A dashboard session: which resource it opens and until when. Signed, not encrypted: it holds no secret.
export interface Session {
  resourceId: string
  email?: string
  expiresAt: number
}

export const sessionLifetimeSeconds = 60 * 60

function signature(payload: string, key: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url')
}

export function signSession(session: Session, key: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url')
  return `${payload}.${signature(payload, key)}`
}

export function readSession(value: string | undefined, key: string, nowSeconds = Math.floor(Date.now() / 1000)): Session | undefined {
  const [payload, given] = (value ?? '').split('.')
  if (!payload || !given) return undefined
  const expected = Buffer.from(signature(payload, key))
  const actual = Buffer.from(given)
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session
    return typeof session.resourceId === 'string' && session.expiresAt > nowSeconds ? session : undefined
  } catch {
    return undefined
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}
