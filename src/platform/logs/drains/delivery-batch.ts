import {createHash} from 'node:crypto'
import {logTime, overflowLine, type LogLine} from '../../../wire/logplex.js'
import type {LogDrainRow} from '../../store/schema.js'
import type {LogStream} from '../log-stream.js'

// Logplex's HTTP drains aim at 100 KiB per POST, from a buffer of at most 1,024 messages.
export const TARGET_BYTES = 100 * 1024
export const MAX_LINES = 1000

// One POST (or syslog write) to a drain: the lines after `fromSeq` up to `endSeq`, led by an L10
// report when lines between were pushed out of the app's stream before the drain got them.
export interface DrainBatch {
  fromSeq: number
  endSeq: number
  // frames, concatenated
  body: string
  // frames in the body (the L10 report counts)
  count: number
  // lines lost before this batch (reported in its first frame)
  dropped: number
  frameId: string
  // a try of a batch tried before (its tries so far are on the drain's row)
  retry: boolean
}

// The drain's next batch, or undefined when it has everything. A batch being retried
// (batch_end_seq set) ends where it ended before, so it carries the same lines and frame id.
export async function nextBatch(stream: LogStream, drain: LogDrainRow, frame: (line: LogLine) => string): Promise<DrainBatch | undefined> {
  const fromSeq = drain.delivered_seq
  const lines = await stream.after(drain.app_id, fromSeq, MAX_LINES)
  // line numbers have no gaps, so the first one kept tells how many were pushed out
  const firstKept = lines[0]?.seq
  // a batch whose every line was pushed out while it waited for its next try is gone: what is
  // sent instead is a new batch, which reports those lines with the others lost
  const retrying = drain.batch_end_seq !== null && firstKept !== undefined && firstKept <= drain.batch_end_seq ? drain.batch_end_seq : null
  if (firstKept === undefined) return undefined
  const dropped = firstKept - fromSeq - 1
  const frames: string[] = []
  let bytes = 0
  if (dropped > 0) {
    const since = logTime(new Date(drain.delivered_at ?? drain.created_at))
    const report = frame(overflowLine(dropped, since, lines[0].time))
    frames.push(report)
    bytes += Buffer.byteLength(report)
  }
  let endSeq = fromSeq
  let taken = 0
  for (const line of lines) {
    if (retrying !== null && line.seq > retrying) break
    const text = frame(line)
    const size = Buffer.byteLength(text)
    // a batch being retried keeps every line it had; a new one stops short of the target size
    if (retrying === null && taken > 0 && bytes + size > TARGET_BYTES) break
    frames.push(text)
    bytes += size
    taken++
    endSeq = line.seq
  }
  return {fromSeq, endSeq, body: frames.join(''), count: frames.length, dropped, frameId: frameId(drain.id, fromSeq, endSeq), retry: retrying !== null}
}

// Logplex-Frame-Id: 32 upper-case hex digits, the same on every try of one batch.
export function frameId(drainId: string, fromSeq: number, endSeq: number): string {
  return createHash('md5').update(`${drainId}:${fromSeq + 1}-${endSeq}`).digest('hex').toUpperCase()
}
