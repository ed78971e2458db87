import type {SingleJobHandler} from '../jobs/worker.js'
import type {Store} from '../store/database.js'

// How long a finished delivery (and its event, once no delivery of it is left) stays readable.
export const DELIVERY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000
const BATCH = 500

// The 'webhook-prune' job, hourly across all instances: finished deliveries older than the retention
// go, then the events left with none, so the outbox does not grow for ever. Deliveries still to be
// made are never pruned.
export function webhookPrune(store: Store, retentionMs = DELIVERY_RETENTION_MS): SingleJobHandler {
  return {
    kind: 'webhook-prune',
    everyMs: 60 * 60 * 1000,
    async run() {
      const before = new Date(Date.now() - retentionMs).toISOString()
      for (;;) {
        const removed = await store.transaction(async (tx) => {
          const old = await tx.selectFrom('webhook_deliveries').select(['id', 'event_id'])
            .where('status', 'in', ['succeeded', 'failed', 'skipped']).where('updated_at', '<', before)
            .limit(BATCH).execute()
          if (old.length === 0) return 0
          await tx.deleteFrom('webhook_deliveries').where('id', 'in', old.map((d) => d.id)).execute()
          await tx.deleteFrom('webhook_events')
            .where('id', 'in', [...new Set(old.map((d) => d.event_id))])
            .where((eb) => eb.not(eb.exists(eb.selectFrom('webhook_deliveries').select('id').whereRef('webhook_deliveries.event_id', '=', 'webhook_events.id'))))
            .execute()
          return old.length
        })
        if (removed < BATCH) return
      }
    },
  }
}
