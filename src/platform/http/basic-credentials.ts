// A Basic credential (`Basic <base64 of user:password>`), as the API (http/auth.ts) and Logplex's
// input (logs/log-input.ts) read it; `password` is undefined when the decoded text has no colon.
export interface BasicCredentials {
  user: string
  password?: string
}

// The base64 part of a Basic credential, decoded.
export function decodeBasic(encoded: string): BasicCredentials {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0 ? {user: decoded} : {user: decoded.slice(0, colon), password: decoded.slice(colon + 1)}
}

// The credential of an Authorization header that is `Basic` and one base64 word, nothing else.
export function basicCredentials(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '')
  return match ? decodeBasic(match[1]) : undefined
}
