import {readFile} from 'node:fs/promises'
import {writeFileAtomic} from './atomic-write.js'
import type {ProviderResource, ResourceStore} from './resource-store.js'

// Every resource in one JSON file, rewritten atomically on each change. Writes are queued so two
// requests never interleave; fine for the few resources a local provider holds.
export class JsonFileResourceStore<Data = Record<string, unknown>> implements ResourceStore<Data> {
  private resources?: Map<string, ProviderResource<Data>>
  private writes: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  private async load(): Promise<Map<string, ProviderResource<Data>>> {
    if (this.resources) return this.resources
    let text: string | undefined
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    let list: ProviderResource<Data>[] = []
    if (text !== undefined) {
      try {
        list = JSON.parse(text) as ProviderResource<Data>[]
      } catch {
        throw new Error(`${this.path} is not valid JSON: fix or remove it`)
      }
    }
    this.resources ??= new Map(list.map((r) => [r.id, r]))
    return this.resources
  }

  private persist(resources: Map<string, ProviderResource<Data>>): Promise<void> {
    const snapshot = JSON.stringify([...resources.values()], null, 2) + '\n'
    const write = this.writes.then(() => writeFileAtomic(this.path, snapshot))
    this.writes = write.catch(() => {})
    return write
  }

  async get(id: string): Promise<ProviderResource<Data> | undefined> {
    const found = (await this.load()).get(id)
    return found && structuredClone(found)
  }

  async list(): Promise<ProviderResource<Data>[]> {
    return [...(await this.load()).values()].map((r) => structuredClone(r))
  }

  async put(resource: ProviderResource<Data>): Promise<void> {
    const resources = await this.load()
    const previous = resources.get(resource.id)
    resources.set(resource.id, structuredClone(resource))
    try {
      await this.persist(resources)
    } catch (error) {
      // Memory must not claim what the disk does not hold.
      if (previous) resources.set(resource.id, previous)
      else resources.delete(resource.id)
      throw error
    }
  }

  async delete(id: string): Promise<void> {
    const resources = await this.load()
    const previous = resources.get(id)
    if (!previous) return
    resources.delete(id)
    try {
      await this.persist(resources)
    } catch (error) {
      resources.set(id, previous)
      throw error
    }
  }
}
