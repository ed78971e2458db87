import {setTimeout as sleep} from 'node:timers/promises'
import {PartnerSession, type PartnerSessionOptions} from './partner-session.js'
import type {PartnerTokenStore} from './partner-tokens.js'
import {PlatformCallError, PlatformClient} from './platform-client.js'

export interface PartnerAccessOptions {
  // the secret the platform checks at the grant exchange: the manifest's api.password
  clientSecret: string
  tokens: PartnerTokenStore
  // how long a new add-on may take to appear on the platform after the provision's answer
  recordedWithinMs?: number
  now?: () => number
  // how hard each call to the platform tries (see PartnerSessionOptions)
  http?: Pick<PartnerSessionOptions, 'retries' | 'timeoutMs'>
}

/**
 * Each resource's partner token and the client that uses it: a provision's grant is spent at once
 * (it lasts minutes), the tokens kept in the store under the resource id (saved before each use, as
 * a refresh ends the old pair), and one session per resource in this process so refreshes never race.
 */
export class PartnerAccess {
  private readonly sessions = new Map<string, PartnerSession>()
  private readonly loading = new Map<string, Promise<PartnerSession | undefined>>()

  constructor(private readonly options: PartnerAccessOptions) {}

  // The session of a new provision, before its grant is exchanged.
  begin(resourceId: string, callbackUrl: string): PartnerSession {
    const session = this.session(resourceId, callbackUrl)
    this.sessions.set(resourceId, session)
    return session
  }

  // The client of a resource whose grant was exchanged; undefined for any other.
  async client(resourceId: string): Promise<PlatformClient | undefined> {
    const session = this.sessions.get(resourceId) ?? (await this.restore(resourceId))
    await session?.settled()
    return session?.exchanged ? new PlatformClient(session) : undefined
  }

  // A session from the stored tokens (after a restart), made once however many calls ask for it.
  private restore(resourceId: string): Promise<PartnerSession | undefined> {
    let loading = this.loading.get(resourceId)
    if (!loading) {
      loading = this.options.tokens.get(resourceId).then((stored) => {
        if (!stored || this.sessions.has(resourceId)) return this.sessions.get(resourceId)
        const session = this.session(resourceId, stored.addon_url, stored)
        this.sessions.set(resourceId, session)
        return session
      }).finally(() => this.loading.delete(resourceId))
      this.loading.set(resourceId, loading)
    }
    return loading
  }

  async forget(resourceId: string): Promise<void> {
    this.sessions.delete(resourceId)
    await this.options.tokens.delete(resourceId)
  }

  // The platform records a synchronous provision only once it has the answer (until then the
  // add-on is not found): waits for it, so what the provider does next finds its add-on.
  async recorded(client: PlatformClient): Promise<void> {
    const deadline = Date.now() + (this.options.recordedWithinMs ?? 60_000)
    for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
      try {
        await client.addon()
        return
      } catch (error) {
        if (!(error instanceof PlatformCallError) || error.status !== 404 || Date.now() + pause > deadline) throw error
      }
      await sleep(pause)
    }
  }

  private session(resourceId: string, callbackUrl: string, stored?: PartnerSessionOptions['stored']): PartnerSession {
    return new PartnerSession({
      ...this.options.http,
      callbackUrl,
      clientSecret: this.options.clientSecret,
      stored,
      now: this.options.now,
      save: (tokens) => this.options.tokens.put(resourceId, tokens),
    })
  }
}
