import {LRUCache} from 'lru-cache'
import type {Db, Tx} from '../store/database.js'

// how many tokens one instance remembers (one per attachment of an add-on that writes logs)
const REMEMBERED_TOKENS = 4096

// Where a log input token writes: the app of its attachment, under the add-on's name.
export interface InputTarget {
  appId: string
  source: string
}

// Log input tokens and what they write to. An attachment never moves to another app or add-on, so
// a token's target is remembered after its first lookup and a POST costs no query of its own; that
// the attachment still exists is not remembered: every write asks, in its own transaction, for all
// the tokens it holds at once (`live`), so a token detached through any instance stops working at
// once. A token not found is never remembered (it gets 401 every time); one found gone is forgotten.
export class InputTokens {
  private readonly known = new LRUCache<string, InputTarget>({max: REMEMBERED_TOKENS})

  constructor(private readonly db: Db) {}

  async find(token: string): Promise<InputTarget | undefined> {
    const known = this.known.get(token)
    if (known) return known
    const row = await this.db.selectFrom('attachments')
      .innerJoin('addons', 'addons.id', 'attachments.addon_id')
      .select(['attachments.app_id', 'addons.name'])
      .where('attachments.log_input_token', '=', token)
      .executeTakeFirst()
    if (!row) return undefined
    const target = {appId: row.app_id, source: row.name}
    this.known.set(token, target)
    return target
  }

  // Of `tokens`, those whose attachment exists now, each with its add-on's name now (an add-on may
  // have been renamed since its token was remembered).
  async live(tx: Tx, tokens: string[]): Promise<Map<string, string>> {
    const rows = await tx.selectFrom('attachments')
      .innerJoin('addons', 'addons.id', 'attachments.addon_id')
      .select(['attachments.log_input_token as token', 'addons.name'])
      .where('attachments.log_input_token', tokens.length === 1 ? '=' : 'in', tokens.length === 1 ? tokens[0] : tokens)
      .execute()
    const live = new Map<string, string>()
    for (const row of rows) live.set(row.token!, row.name)
    for (const token of tokens) {
      const known = this.known.get(token)
      const name = live.get(token)
      if (name === undefined) this.known.delete(token)
      else if (known && known.source !== name) this.known.set(token, {...known, source: name})
    }
    return live
  }
}
