import {randomBytes, randomUUID} from 'node:crypto'
import type {Db} from '../store/database.js'
import type {AccountRow} from '../store/schema.js'
import {now} from './context.js'
import {notFound} from './errors.js'

export class AccountsService {
  constructor(private readonly db: Db) {}

  byApiKey(key: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('api_key', '=', key).executeTakeFirst()
  }

  async first(): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().orderBy('created_at').limit(1).executeTakeFirst()
  }

  // `--account EMAIL:KEY`: create the account, or give an existing one that key.
  async ensure(email: string, apiKey: string = randomBytes(20).toString('hex')): Promise<AccountRow> {
    const existing = await this.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst()
    if (existing) {
      if (existing.api_key !== apiKey) {
        await this.db.updateTable('accounts').set({api_key: apiKey, updated_at: now()}).where('id', '=', existing.id).execute()
      }
      return {...existing, api_key: apiKey}
    }
    const at = now()
    const account: AccountRow = {id: randomUUID(), email, name: null, api_key: apiKey, created_at: at, updated_at: at}
    await this.db.insertInto('accounts').values(account).execute()
    return account
  }

  // `/users/{id|email|~}`: only the caller's own account is visible.
  resolveUser(actor: AccountRow, ref: string): AccountRow {
    if (ref === '~' || ref === actor.id || ref === actor.email) return actor
    throw notFound('user', "Couldn't find that user.")
  }
}
