import {readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {writeFileAtomic} from '../kit/atomic-write.js'

export class OverLimitError extends Error {}

interface Bucket {
  values: Map<string, Buffer>
  bytes: number
  writes: Promise<void>
}

function entryBytes(key: string, value: Buffer): number {
  return Buffer.byteLength(key) + value.length
}

// The keys and values of every kv resource: one JSON file per resource (values in base64),
// rewritten atomically after each change and loaded on first use.
export class KvData {
  private readonly buckets = new Map<string, Promise<Bucket>>()

  constructor(private readonly dir: string) {}

  private file(resourceId: string): string {
    return join(this.dir, `${resourceId}.json`)
  }

  private bucket(resourceId: string): Promise<Bucket> {
    let bucket = this.buckets.get(resourceId)
    if (!bucket) {
      bucket = this.load(resourceId)
      this.buckets.set(resourceId, bucket)
      bucket.catch(() => this.buckets.delete(resourceId))
    }
    return bucket
  }

  private async load(resourceId: string): Promise<Bucket> {
    const values = new Map<string, Buffer>()
    try {
      const saved = JSON.parse(await readFile(this.file(resourceId), 'utf8')) as Record<string, string>
      for (const [key, value] of Object.entries(saved)) values.set(key, Buffer.from(value, 'base64'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    let bytes = 0
    for (const [key, value] of values) bytes += entryBytes(key, value)
    return {values, bytes, writes: Promise.resolve()}
  }

  private save(resourceId: string, bucket: Bucket): Promise<void> {
    const snapshot = JSON.stringify(Object.fromEntries([...bucket.values].map(([k, v]) => [k, v.toString('base64')])))
    const write = bucket.writes.then(() => writeFileAtomic(this.file(resourceId), snapshot))
    bucket.writes = write.catch(() => {})
    return write
  }

  async usage(resourceId: string): Promise<{keys: number; bytes: number}> {
    const bucket = await this.bucket(resourceId)
    return {keys: bucket.values.size, bytes: bucket.bytes}
  }

  async keys(resourceId: string): Promise<string[]> {
    return [...(await this.bucket(resourceId)).values.keys()].sort()
  }

  async get(resourceId: string, key: string): Promise<Buffer | undefined> {
    return (await this.bucket(resourceId)).values.get(key)
  }

  // Refuses (OverLimitError, nothing changed) when the store would grow past `limit` bytes.
  async set(resourceId: string, key: string, value: Buffer, limit: number): Promise<void> {
    const bucket = await this.bucket(resourceId)
    const previous = bucket.values.get(key)
    const bytes = bucket.bytes - (previous ? entryBytes(key, previous) : 0) + entryBytes(key, value)
    if (bytes > limit) throw new OverLimitError(`storing this value would use ${bytes} bytes, over this plan's limit of ${limit} bytes`)
    bucket.values.set(key, value)
    bucket.bytes = bytes
    try {
      await this.save(resourceId, bucket)
    } catch (error) {
      if (previous) bucket.values.set(key, previous)
      else bucket.values.delete(key)
      bucket.bytes = bytes - entryBytes(key, value) + (previous ? entryBytes(key, previous) : 0)
      throw error
    }
  }

  async delete(resourceId: string, key: string): Promise<boolean> {
    const bucket = await this.bucket(resourceId)
    const previous = bucket.values.get(key)
    if (!previous) return false
    bucket.values.delete(key)
    bucket.bytes -= entryBytes(key, previous)
    try {
      await this.save(resourceId, bucket)
    } catch (error) {
      bucket.values.set(key, previous)
      bucket.bytes += entryBytes(key, previous)
      throw error
    }
    return true
  }

  async drop(resourceId: string): Promise<void> {
    const bucket = this.buckets.get(resourceId)
    this.buckets.delete(resourceId)
    if (bucket) await (await bucket.catch(() => undefined))?.writes
    await rm(this.file(resourceId), {force: true})
  }
}
