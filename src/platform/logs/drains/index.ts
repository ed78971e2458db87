import {wakeWorkerAfterCommit} from '../../jobs/wake.js'
import type {ServiceContext} from '../../services/context.js'
import {DrainDelivery, drainJobKey, LOG_DRAIN_JOB} from './delivery.js'
import {drainIdsOfApp} from './drain-rows.js'
import {LogDrainsService} from './drains-service.js'

// Log drains: where an app's lines are delivered. drains-service.ts holds the API's rules
// (routes.ts), drain-rows.ts the queries, delivery.ts the 'log-drain' job that sends the lines
// (delivery-batch.ts cuts batches; http-sender.ts and syslog-sender.ts send them).
export interface LogDrains {
  service: LogDrainsService
  // the job handler the worker runs
  delivery: DrainDelivery
}

export function createLogDrains(ctx: ServiceContext): LogDrains {
  // in the writer's transaction: the delivery job exists exactly when the lines do; this
  // instance's worker is woken once they are committed
  ctx.logs.onAppend(async (db, appId, drainIds) => {
    const ids = drainIds ?? await drainIdsOfApp(db, appId)
    if (ids.length === 0) return
    for (const id of ids) await ctx.jobs.enqueueKeyed(LOG_DRAIN_JOB, drainJobKey(id), {drain_id: id}, db)
    wakeWorkerAfterCommit(db)
  })
  return {service: new LogDrainsService(ctx), delivery: new DrainDelivery(ctx)}
}
