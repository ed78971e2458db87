import {randomBytes} from 'node:crypto'
import {hostname} from 'node:os'
import type {Db} from '../store/database.js'

// How a platform instance tells the others it is alive: a row with a heartbeat, renewed every
// `heartbeatMs`. An instance whose heartbeat is older than `leaseMs` is gone, and its unfinished
// work (add-ons it was provisioning) may be taken over. The lease must outlast the provider
// time-out (25 s), so a live instance waiting on a slow provider is never mistaken for a dead one.
// On the same host an instance whose process no longer exists is gone at once: that is how a
// single platform restarted after `kill -9` cleans up its own leftovers without waiting.
export const INSTANCE_LEASE_MS = 60_000

export interface InstanceOptions {
  leaseMs?: number
  heartbeatMs?: number
  log(line: string): void
}

export class Instance {
  readonly id: string
  readonly leaseMs: number
  private readonly heartbeatMs: number
  private timer?: NodeJS.Timeout

  constructor(private readonly db: Db, private readonly options: InstanceOptions) {
    this.id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
    this.leaseMs = options.leaseMs ?? INSTANCE_LEASE_MS
    this.heartbeatMs = options.heartbeatMs ?? Math.max(50, Math.floor(this.leaseMs / 6))
  }

  async register(): Promise<void> {
    await this.insertRow()
    this.timer = setInterval(() => {
      this.beat().catch((error) => this.options.log(`instance heartbeat: ${(error as Error).message}`))
    }, this.heartbeatMs)
    this.timer.unref()
  }

  async beat(): Promise<void> {
    const at = new Date().toISOString()
    const {numUpdatedRows} = await this.db.updateTable('instances').set({heartbeat_at: at}).where('id', '=', this.id).executeTakeFirst()
    // removed as dead by another instance (a long pause, a clock jump): come back
    if (numUpdatedRows === 0n) await this.insertRow()
  }

  private async insertRow(): Promise<void> {
    const at = new Date().toISOString()
    await this.db.insertInto('instances').values({id: this.id, hostname: hostname(), pid: process.pid, started_at: at, heartbeat_at: at}).execute()
  }

  // Stops the heartbeat and leaves: work it still holds is free for others at once.
  async leave(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.db.deleteFrom('instances').where('id', '=', this.id).execute()
  }

  // Removes the rows of the instances that are gone (lease expired, or a process of this host that
  // no longer runs), so their work counts as nobody's and may be reclaimed.
  async reapDead(nowMs = Date.now()): Promise<void> {
    const expired = new Date(nowMs - this.leaseMs).toISOString()
    const rows = await this.db.selectFrom('instances').select(['id', 'hostname', 'pid', 'heartbeat_at']).where('id', '!=', this.id).execute()
    const here = hostname()
    const dead = rows.filter((r) => r.heartbeat_at < expired || (r.hostname === here && !processExists(r.pid))).map((r) => r.id)
    if (dead.length > 0) await this.db.deleteFrom('instances').where('id', 'in', dead).execute()
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
