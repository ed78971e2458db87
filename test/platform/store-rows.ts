// A bare store for testing a service without the platform around it: two accounts (the apps' owner
// and someone else) and the apps a test names, in region us, written as whole rows.
import {openStore, type Store} from '../../src/platform/store/database.js'
import type {AccountRow, AppRow} from '../../src/platform/store/schema.js'

export const AT = '2024-01-01T00:00:00.000Z'
export const OWNER_ROW: AccountRow = {id: 'acct-1', email: 'a@example.com', name: null, api_key_hash: 'not-a-key', created_at: AT, updated_at: AT}
export const OTHER_ROW: AccountRow = {...OWNER_ROW, id: 'acct-2', email: 'b@example.com', api_key_hash: 'not-a-key-either'}

export const appRow = (id: string, name: string, ownerId: string, regionId: string): AppRow =>
  ({id, name, owner_id: ownerId, region_id: regionId, space_id: null, maintenance: 0, released_at: null, run_count: 0, created_at: AT, updated_at: AT})

// A store in `dir` with both accounts and `apps`, each [id, name, owner's account id].
export async function openStoreWithApps(dir: string, apps: Array<[id: string, name: string, ownerId: string]>): Promise<Store> {
  const store = await openStore({dataDir: dir})
  await store.db.insertInto('accounts').values([OWNER_ROW, OTHER_ROW]).execute()
  const us = (await store.db.selectFrom('regions').select('id').where('name', '=', 'us').executeTakeFirstOrThrow()).id
  await store.db.insertInto('apps').values(apps.map(([id, name, ownerId]) => appRow(id, name, ownerId, us))).execute()
  return store
}
