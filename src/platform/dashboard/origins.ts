// The addresses the dashboard answers at: the platform's own (its public URL), and, when that is a
// loopback address, the other names of the loopback on the same port. A page on another site, or a
// name an attacker points at 127.0.0.1 (DNS rebinding), arrives with another Host or Origin and is
// refused.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

export interface PlatformAddresses {
  hosts: ReadonlySet<string>
  origins: ReadonlySet<string>
  secure: boolean
}

export function platformAddresses(baseUrl: string): PlatformAddresses {
  const url = new URL(baseUrl)
  const hosts = new Set([url.host.toLowerCase()])
  if (LOOPBACK_NAMES.includes(url.hostname.toLowerCase())) {
    for (const name of LOOPBACK_NAMES) hosts.add(url.port ? `${name}:${url.port}` : name)
  }
  return {hosts, origins: new Set([...hosts].map((host) => `${url.protocol}//${host}`)), secure: url.protocol === 'https:'}
}

export function hostAllowed(addresses: PlatformAddresses, host: string | undefined): boolean {
  return host !== undefined && addresses.hosts.has(host.toLowerCase())
}

// A change must say it comes from a dashboard page: its Origin (every current browser sends one on a
// POST; the pages' Referrer-Policy keeps it), or failing that its Referer, must be the platform's.
export function originAllowed(addresses: PlatformAddresses, headers: {origin?: string; referer?: string}): boolean {
  if (headers.origin !== undefined) return addresses.origins.has(headers.origin.toLowerCase())
  if (headers.referer === undefined) return false
  try {
    return addresses.origins.has(new URL(headers.referer).origin)
  } catch {
    return false
  }
}
