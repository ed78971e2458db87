import {randomUUID} from 'node:crypto'
import type {Db} from './database.js'

// Common Runtime regions first, then the Private Space regions (private_capable).
const REGIONS = [
  {name: 'us', description: 'United States', country: 'United States', locale: 'Virginia', private: 0, aws: 'us-east-1'},
  {name: 'eu', description: 'Europe', country: 'Ireland', locale: 'Dublin', private: 0, aws: 'eu-west-1'},
  {name: 'virginia', description: 'Virginia, United States', country: 'United States', locale: 'Virginia', private: 1, aws: 'us-east-1'},
  {name: 'oregon', description: 'Oregon, United States', country: 'United States', locale: 'Oregon', private: 1, aws: 'us-west-2'},
  {name: 'frankfurt', description: 'Frankfurt, Germany', country: 'Germany', locale: 'Frankfurt', private: 1, aws: 'eu-central-1'},
  {name: 'tokyo', description: 'Tokyo, Japan', country: 'Japan', locale: 'Tokyo', private: 1, aws: 'ap-northeast-1'},
  {name: 'sydney', description: 'Sydney, Australia', country: 'Australia', locale: 'Sydney', private: 1, aws: 'ap-southeast-2'},
  {name: 'dublin', description: 'Dublin, Ireland', country: 'Ireland', locale: 'Dublin', private: 1, aws: 'eu-west-1'},
]

export async function seedRegions(db: Db): Promise<void> {
  const existing = new Set((await db.selectFrom('regions').select('name').execute()).map((r) => r.name))
  const now = new Date().toISOString()
  const missing = REGIONS.filter((r) => !existing.has(r.name)).map((r) => ({
    id: randomUUID(),
    name: r.name,
    description: r.description,
    country: r.country,
    locale: r.locale,
    private_capable: r.private,
    provider_name: 'amazon-web-services',
    provider_region: r.aws,
    created_at: now,
    updated_at: now,
  }))
  // instances started together on a fresh store all find the regions missing: the first one's rows stand
  if (missing.length > 0) await db.insertInto('regions').values(missing).onConflict((oc) => oc.column('name').doNothing()).execute()
}
