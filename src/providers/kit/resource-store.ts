// What a provider remembers about each resource it provisioned. The kit keys resources by the
// platform's `uuid` (returned as the provider `id`), which makes provisioning idempotent for free.
export interface ProviderResource<Data = Record<string, unknown>> {
  id: string
  name?: string
  plan: string
  region?: string
  config: Record<string, string>
  // Provider-private state (ports, generated names...). Never sent to the platform.
  data: Data
  // set while an asynchronous provision is still building the resource
  provisioning?: boolean
  created_at: string
  updated_at: string
}

// Pluggable persistence: in-memory for examples and tests, a JSON file for the built-ins,
// a database for a real provider.
export interface ResourceStore<Data = Record<string, unknown>> {
  get(id: string): Promise<ProviderResource<Data> | undefined>
  list(): Promise<ProviderResource<Data>[]>
  put(resource: ProviderResource<Data>): Promise<void>
  delete(id: string): Promise<void>
}

export class MemoryResourceStore<Data = Record<string, unknown>> implements ResourceStore<Data> {
  private readonly resources = new Map<string, ProviderResource<Data>>()

  async get(id: string): Promise<ProviderResource<Data> | undefined> {
    const found = this.resources.get(id)
    return found && structuredClone(found)
  }

  async list(): Promise<ProviderResource<Data>[]> {
    return [...this.resources.values()].map((r) => structuredClone(r))
  }

  async put(resource: ProviderResource<Data>): Promise<void> {
    this.resources.set(resource.id, structuredClone(resource))
  }

  async delete(id: string): Promise<void> {
    this.resources.delete(id)
  }
}
