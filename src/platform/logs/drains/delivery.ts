import {httpsDrainFrame, syslogDrainFrame, type LogLine} from '../../../wire/logplex.js'
import type {JobHandler} from '../../jobs/worker.js'
import type {ServiceContext} from '../../services/context.js'
import {nextBatch, type DrainBatch} from './delivery-batch.js'
import {advanceDrain, drainById, recordFailedTry} from './drain-rows.js'
import {drainTarget, type DrainTarget} from './drain-url.js'
import {postBatch} from './http-sender.js'
import type {SendOutcome} from './send-outcome.js'
import {writeSyslog} from './syslog-sender.js'

export const LOG_DRAIN_JOB = 'log-drain'
export const drainJobKey = (drainId: string) => `log-drain:${drainId}`

export interface DrainJob {
  drain_id: string
}

// Logplex's http_frame_retries = 2: three tries in all, then the batch is dropped.
export const MAX_TRIES = 3
// One run delivers until the drain is caught up, but hands its slot back after this long (and
// runs again at once): far inside the job's claim, and fair to the other drains.
const RUN_BUDGET_MS = 20_000

// The 'log-drain' job: one per drain (keyed), asked for by every append to the drain's app, and
// claimed by one instance at a time. It sends the drain what it has not had, batch after batch,
// from the app's stream in the store: a drain's buffer is that stream (its newest 1,500 lines), so
// a slow or dead drain holds no more than one batch in memory and never holds up a writer; what it
// missed is reported to it as an L10 line. An instance that stalls past its claim could send a
// batch another instance sends too, but only one of them moves the drain on (drain-rows.ts). A failed try throws: the queue runs the job again after a back-off, and
// the row remembers the batch and its tries so the next try sends the same lines.
export class DrainDelivery implements JobHandler<DrainJob> {
  readonly kind = LOG_DRAIN_JOB

  constructor(private readonly ctx: Pick<ServiceContext, 'store' | 'logs' | 'jobs' | 'log'>) {}

  // no maxAttempts: a batch's tries are counted on the drain's row
  backoffMs(attempts: number): number {
    return 250 * 2 ** Math.min(attempts - 1, 4)
  }

  async run(payload: DrainJob): Promise<void> {
    const db = this.ctx.store.db
    const started = Date.now()
    for (;;) {
      // gone with its app or add-on: nothing to do
      const drain = await drainById(db, payload.drain_id)
      if (!drain) return
      const target = drainTarget(drain.url)
      const batch = await nextBatch(this.ctx.logs, drain, framer(target, drain.token))
      if (!batch) return
      const outcome = await send(target, drain.token, batch)
      if (outcome.result === 'failed') {
        const tries = (batch.retry ? drain.batch_attempts : 0) + 1
        if (tries < MAX_TRIES) {
          if (!(await recordFailedTry(db, drain, batch.endSeq, tries))) return
          throw new Error(`log drain ${drain.token}: ${outcome.reason} (try ${tries} of ${MAX_TRIES})`)
        }
        this.ctx.log(`log drain ${drain.token}: dropped ${batch.count} message(s) after ${MAX_TRIES} tries (${outcome.reason})`)
      } else if (outcome.result === 'refused') {
        this.ctx.log(`log drain ${drain.token}: dropped ${batch.count} message(s), refused with ${outcome.reason}`)
      }
      // another delivery moved the drain meanwhile: it carries on from there
      if (!(await advanceDrain(db, drain, batch.endSeq))) return
      if (Date.now() - started > RUN_BUDGET_MS) {
        // asked for while running: the queue runs it again as soon as this run ends
        await this.ctx.jobs.enqueueKeyed(LOG_DRAIN_JOB, drainJobKey(drain.id), payload)
        return
      }
    }
  }
}

function framer(target: DrainTarget, token: string): (line: LogLine) => string {
  return target.kind === 'http' ? (line) => httpsDrainFrame(line) : (line) => syslogDrainFrame(line, token)
}

function send(target: DrainTarget, token: string, batch: DrainBatch): Promise<SendOutcome> {
  return target.kind === 'http' ? postBatch(target, token, batch) : writeSyslog(target, batch.body)
}
