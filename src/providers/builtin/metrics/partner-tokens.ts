import {readFile} from 'node:fs/promises'
import got from 'got'
import {writeFileAtomic} from '../../kit/atomic-write.js'
import {platformEndpoints} from '../../kit/platform-callback.js'

interface StoredTokens {
  // the add-on's URL on the platform (the provision's callback_url), where partner calls go
  addonUrl: string
  access: string
  refresh?: string
  // ms since the epoch
  expiresAt: number
}

export interface PartnerAccess {
  addonUrl: string
  authorization: string
}

// A token this close to its end is refreshed rather than risked.
const REFRESH_MARGIN_MS = 5 * 60_000
const TIMEOUT_MS = 5_000

/**
 * The partner tokens of a service's add-ons, kept in a 0600 JSON file beside its resources so they
 * outlive a restart: a provision's grant is spent at once (it lasts minutes) and the token, scoped to
 * that one add-on, is refreshed when it nears its end (the platform's refresh also ends the old pair,
 * so the new one must be written before it is used). Nothing here throws at the caller but the
 * platform's own refusals and unreachability, which the caller reports.
 */
export class PartnerTokens {
  private tokens?: Map<string, StoredTokens>
  // one refresh at a time per add-on: a second would spend a refresh token the first already spent
  private refreshing = new Map<string, Promise<StoredTokens>>()

  constructor(
    private readonly path: string,
    // the secret the platform checks at the grant exchange: the manifest's api.password
    private readonly clientSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  async exchange(addonId: string, callbackUrl: string, grantCode: string): Promise<void> {
    const {addonUrl, tokenUrl} = platformEndpoints(callbackUrl)
    const tokens = await requestTokens(tokenUrl, {grant_type: 'authorization_code', code: grantCode, client_secret: this.clientSecret}, this.now())
    await this.save(addonId, {addonUrl, ...tokens})
  }

  // The add-on's URL and an Authorization header for it; undefined when the add-on has no token.
  async access(addonId: string): Promise<PartnerAccess | undefined> {
    let tokens = (await this.load()).get(addonId)
    if (!tokens) return undefined
    if (tokens.refresh && tokens.expiresAt - REFRESH_MARGIN_MS <= this.now()) tokens = await this.refresh(addonId, tokens)
    return {addonUrl: tokens.addonUrl, authorization: `Bearer ${tokens.access}`}
  }

  async forget(addonId: string): Promise<void> {
    const all = await this.load()
    if (!all.delete(addonId)) return
    await this.persist(all)
  }

  private refresh(addonId: string, tokens: StoredTokens): Promise<StoredTokens> {
    const running = this.refreshing.get(addonId)
    if (running) return running
    const work = (async () => {
      const {tokenUrl} = platformEndpoints(tokens.addonUrl)
      const fresh = {addonUrl: tokens.addonUrl, ...(await requestTokens(tokenUrl, {grant_type: 'refresh_token', refresh_token: tokens.refresh!, client_secret: this.clientSecret}, this.now()))}
      await this.save(addonId, fresh)
      return fresh
    })().finally(() => this.refreshing.delete(addonId))
    this.refreshing.set(addonId, work)
    return work
  }

  private async save(addonId: string, tokens: StoredTokens): Promise<void> {
    const all = await this.load()
    all.set(addonId, tokens)
    await this.persist(all)
  }

  private async persist(all: Map<string, StoredTokens>): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(Object.fromEntries(all), null, 2)}\n`)
  }

  private async load(): Promise<Map<string, StoredTokens>> {
    if (this.tokens) return this.tokens
    let text = ''
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    let saved: Record<string, StoredTokens> = {}
    try {
      if (text) saved = JSON.parse(text) as Record<string, StoredTokens>
    } catch {
      throw new Error(`${this.path} is not valid JSON: remove it (metrics then reach only the owning apps until the add-ons are created again)`)
    }
    this.tokens ??= new Map(Object.entries(saved))
    return this.tokens
  }
}

async function requestTokens(tokenUrl: string, form: Record<string, string>, now: number): Promise<Omit<StoredTokens, 'addonUrl'>> {
  const answer = await got
    .post(tokenUrl, {form, timeout: {request: TIMEOUT_MS}, retry: {limit: 0}, headers: {'user-agent': 'addonkit-builtin-provider'}})
    .json<{access_token: string; refresh_token?: string; expires_in?: number}>()
  // without expires_in, Heroku's eight hours
  return {access: answer.access_token, refresh: answer.refresh_token, expiresAt: now + (answer.expires_in ?? 8 * 3600) * 1000}
}
