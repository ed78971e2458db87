// Where a browser may be sent after signing in: a path of the dashboard on this platform, never
// another site (`//evil.example`, `/\evil.example`) or another part of the platform.
export function dashboardLanding(next: unknown): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/dashboard/') || next.includes('\\')) return undefined
  try {
    const url = new URL(next, 'http://platform.invalid')
    if (url.origin !== 'http://platform.invalid' || !url.pathname.startsWith('/dashboard/')) return undefined
    return `${url.pathname}${url.search}`
  } catch {
    return undefined
  }
}
