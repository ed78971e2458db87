import {randomUUID} from 'node:crypto'

interface RequiresManifest {
  api: {requires?: string[]}
}

// Attachments of services whose manifest requires `log_input` get a token; the URL built from it is
// what the provider receives (provision request) and what attachments show (`log_input_url`).
export function requiresLogInput(manifest: RequiresManifest): boolean {
  return manifest.api.requires?.includes('log_input') ?? false
}

export function newLogInputToken(manifest: RequiresManifest): string | null {
  return requiresLogInput(manifest) ? `t.${randomUUID()}` : null
}

// `http(s)://token:t.<uuid>@HOST/logs` on the platform's own address (Logplex's form).
export function logInputUrl(baseUrl: string, token: string | null): string | null {
  if (token === null) return null
  const url = new URL('/logs', baseUrl)
  url.username = 'token'
  url.password = token
  return url.toString()
}

// Services whose manifest requires `syslog_drain` get a drain token (`d.<uuid>`) at provision and
// may answer with the drain URL the app's lines go to.
export function requiresSyslogDrain(manifest: RequiresManifest): boolean {
  return manifest.api.requires?.includes('syslog_drain') ?? false
}
