// The dashboard's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
// page or link makes the browser send it), limited to /dashboard (the built-in providers' pages on
// the same origin never receive it), Secure when the platform is served over HTTPS.

export const SESSION_COOKIE = 'addonkit_dashboard'

export function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === SESSION_COOKIE) {
      const value = part.slice(at + 1).trim()
      return /^[\w-]{20,100}$/.test(value) ? value : undefined
    }
  }
  return undefined
}

export function sessionCookie(value: string, maxAgeMs: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(maxAgeMs / 1000)}${secure ? '; Secure' : ''}`
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`
}
