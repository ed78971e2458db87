import type {FastifyInstance, LightMyRequestResponse} from 'fastify'

// A browser for inject() tests of the dashboard: it sends the platform's own Host and, on changes,
// its Origin (as a browser on a dashboard page does), keeps the session cookie, and reads the CSRF
// token from the pages it gets.
export class TestBrowser {
  cookie?: string
  csrf?: string

  constructor(private readonly server: FastifyInstance, readonly baseUrl: string) {}

  get host(): string {
    return new URL(this.baseUrl).host
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.server.inject({method: 'GET', url, headers: {host: this.host, ...this.cookieHeader(), ...headers}})
    this.remember(response)
    return response
  }

  // A form post; `_csrf` is added unless the fields carry their own (or `null` to leave it out).
  // `headers`: an undefined value leaves that header out (a browser that sends no Origin).
  async post(url: string, fields: Record<string, string | null> = {}, headers: Record<string, string | undefined> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    const withToken = {_csrf: this.csrf ?? null, ...fields}
    for (const [name, value] of Object.entries(withToken)) if (value !== null) body.set(name, value)
    const response = await this.server.inject({
      method: 'POST', url, payload: body.toString(),
      headers: defined({host: this.host, origin: this.baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader(), ...headers}),
    })
    this.remember(response)
    return response
  }

  async signIn(apiKey: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/dashboard/login', {api_key: apiKey, _csrf: null})
    if (response.statusCode !== 303) throw new Error(`sign-in: ${response.statusCode} ${response.body}`)
    await this.get('/dashboard/apps')
    return response
  }

  private cookieHeader(): Record<string, string> {
    return this.cookie ? {cookie: this.cookie} : {}
  }

  private remember(response: LightMyRequestResponse): void {
    const set = response.headers['set-cookie']
    for (const line of [set ?? []].flat()) {
      const [pair] = line.split(';')
      const value = pair.slice(pair.indexOf('=') + 1)
      this.cookie = value === '' ? undefined : pair
    }
    const token = /name="csrf-token" content="([^"]+)"/.exec(response.body)?.[1]
    if (token) this.csrf = token
  }
}

// The text of a page's <main>, tags dropped: what a reader sees.
export function mainText(page: string): string {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? page
  return main.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim()
}

function defined(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
