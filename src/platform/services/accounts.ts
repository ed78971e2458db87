import {randomBytes, randomUUID} from 'node:crypto'
import type {Db} from '../store/database.js'
import type {AccountRow} from '../store/schema.js'
import {hashSecret} from '../store/secret-hash.js'
import {now} from './context.js'
import {notFound} from './errors.js'

// An account and its API key in plain text: given out once, when the key is set, since the store
// keeps only its hash.
export interface KeyedAccount {
  account: AccountRow
  apiKey: string
}

const newApiKey = () => randomBytes(20).toString('hex')

export class AccountsService {
  constructor(private readonly db: Db) {}

  byApiKey(key: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('api_key_hash', '=', hashSecret(key)).executeTakeFirst()
  }

  byEmail(email: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst()
  }

  // `--account EMAIL:KEY`: create the account, or give an existing one that key.
  async ensure(email: string, apiKey: string = newApiKey()): Promise<KeyedAccount> {
    const hash = hashSecret(apiKey)
    const existing = await this.byEmail(email)
    if (existing) {
      if (existing.api_key_hash === hash) return {account: existing, apiKey}
      const changes = {api_key_hash: hash, updated_at: now()}
      await this.db.updateTable('accounts').set(changes).where('id', '=', existing.id).execute()
      return {account: {...existing, ...changes}, apiKey}
    }
    const at = now()
    const account: AccountRow = {id: randomUUID(), email, name: null, api_key_hash: hash, created_at: at, updated_at: at}
    try {
      await this.db.insertInto('accounts').values(account).execute()
    } catch (error) {
      // an instance started at the same time on a fresh store created it first: take that one
      if (await this.byEmail(email)) return this.ensure(email, apiKey)
      throw error
    }
    return {account, apiKey}
  }

  // A key that was lost (the store cannot give it back) is replaced; the old one stops working.
  newKey(email: string): Promise<KeyedAccount> {
    return this.ensure(email, newApiKey())
  }

  // `/users/{id|email|~}`: only the caller's own account is visible.
  resolveUser(actor: AccountRow, ref: string): AccountRow {
    if (ref === '~' || ref === actor.id || ref === actor.email) return actor
    throw notFound('user', "Couldn't find that user.")
  }
}
