// What the admin URL tells us about where customers connect. A socket-directory host
// (?host=/var/run/postgresql, or localhost) is the same server on 127.0.0.1 over TCP.
export function customerHost(adminUrl: string): {host: string; port: number} {
  const url = new URL(adminUrl)
  const socketHost = url.searchParams.get('host')
  const port = Number(url.searchParams.get('port') || url.port || 5432)
  const host = !url.hostname || url.hostname === 'localhost' || socketHost?.startsWith('/') ? '127.0.0.1' : url.hostname
  return {host, port}
}

// For messages: never show the admin password.
export function redactedUrl(adminUrl: string): string {
  try {
    const url = new URL(adminUrl)
    if (url.password) url.password = '***'
    return url.toString()
  } catch {
    return 'the PostgreSQL admin URL'
  }
}
