import {randomUUID} from 'node:crypto'
import type {Db} from '../store/database.js'
import type {SpaceRow} from '../store/schema.js'
import type {Catalog} from './catalog.js'
import {now, type Actor} from './context.js'
import {invalid, notFound} from './errors.js'

const SPACE_NAME = /^[a-z0-9](?:[a-z0-9]|-(?!-)){1,28}[a-z0-9]$/

export class SpacesService {
  constructor(private readonly db: Db, private readonly catalog: Catalog) {}

  async create(actor: Actor, input: {name: string; region?: string; shield?: boolean}): Promise<SpaceRow> {
    if (!SPACE_NAME.test(input.name)) throw invalid(`Name "${input.name}" is invalid: use 3 to 30 lower-case letters, digits and dashes.`)
    const region = this.catalog.findRegion(input.region ?? 'virginia')
    if (!region) throw invalid(`Couldn't find the region "${input.region}".`)
    if (!region.private_capable) {
      const names = this.catalog.listRegions().filter((r) => r.private_capable).map((r) => r.name)
      throw invalid(`Region ${region.name} cannot host Private Spaces; choose one of: ${names.join(', ')}.`)
    }
    const taken = await this.db.selectFrom('spaces').select('id').where('name', '=', input.name).executeTakeFirst()
    if (taken) throw invalid(`Name ${input.name} is already taken.`)
    const at = now()
    const space: SpaceRow = {id: randomUUID(), name: input.name, owner_id: actor.id, region_id: region.id, shield: input.shield ? 1 : 0, created_at: at, updated_at: at}
    await this.db.insertInto('spaces').values(space).execute()
    return space
  }

  list(actor: Actor): Promise<SpaceRow[]> {
    return this.db.selectFrom('spaces').selectAll().where('owner_id', '=', actor.id).orderBy('name').execute()
  }

  async find(actor: Actor, ref: string): Promise<SpaceRow> {
    const space = await this.db.selectFrom('spaces').selectAll()
      .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
      .where('owner_id', '=', actor.id)
      .executeTakeFirst()
    if (!space) throw notFound('space', "Couldn't find that space.")
    return space
  }

  byId(id: string): Promise<SpaceRow | undefined> {
    return this.db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst()
  }
}
