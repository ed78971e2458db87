import {readFile} from 'node:fs/promises'
import {writeFileAtomic} from './atomic-write.js'

// One resource's partner token: what the provision's OAuth grant was exchanged for. It reaches that
// one add-on on the platform (and the apps it is attached to), and is refreshed before it ends.
export interface PartnerTokens {
  // the add-on's URL on the Platform API: the provision's callback_url
  addon_url: string
  access_token: string
  refresh_token?: string
  // when the access token stops working, in ms since the epoch
  expires_at: number
}

// Where the kit keeps each resource's tokens, by resource id. A refresh ends the old pair on the
// platform, so a store must hold the new one before it is used: keep it somewhere that outlives the
// process for a provider that calls the platform after a restart.
export interface PartnerTokenStore {
  get(resourceId: string): Promise<PartnerTokens | undefined>
  put(resourceId: string, tokens: PartnerTokens): Promise<void>
  delete(resourceId: string): Promise<void>
}

export class MemoryPartnerTokenStore implements PartnerTokenStore {
  private readonly tokens = new Map<string, PartnerTokens>()

  async get(resourceId: string): Promise<PartnerTokens | undefined> {
    const found = this.tokens.get(resourceId)
    return found && {...found}
  }

  async put(resourceId: string, tokens: PartnerTokens): Promise<void> {
    this.tokens.set(resourceId, {...tokens})
  }

  async delete(resourceId: string): Promise<void> {
    this.tokens.delete(resourceId)
  }
}

// Every resource's tokens in one JSON file (mode 0600), rewritten atomically on each change; writes
// are queued so two never interleave. Fine for the resources a local provider holds.
export class JsonFilePartnerTokenStore implements PartnerTokenStore {
  private tokens?: Map<string, PartnerTokens>
  private writes: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  async get(resourceId: string): Promise<PartnerTokens | undefined> {
    const found = (await this.load()).get(resourceId)
    return found && {...found}
  }

  async put(resourceId: string, tokens: PartnerTokens): Promise<void> {
    const all = await this.load()
    all.set(resourceId, {...tokens})
    await this.persist(all)
  }

  async delete(resourceId: string): Promise<void> {
    const all = await this.load()
    if (all.delete(resourceId)) await this.persist(all)
  }

  private persist(all: Map<string, PartnerTokens>): Promise<void> {
    const snapshot = `${JSON.stringify(Object.fromEntries(all), null, 2)}\n`
    const write = this.writes.then(() => writeFileAtomic(this.path, snapshot))
    this.writes = write.catch(() => {})
    return write
  }

  private async load(): Promise<Map<string, PartnerTokens>> {
    if (this.tokens) return this.tokens
    let text = ''
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    let saved: Record<string, PartnerTokens> = {}
    try {
      if (text) saved = JSON.parse(text) as Record<string, PartnerTokens>
    } catch {
      throw new Error(`${this.path} is not valid JSON: remove it (the resources then cannot call the platform until they are created again)`)
    }
    this.tokens ??= new Map(Object.entries(saved))
    return this.tokens
  }
}
