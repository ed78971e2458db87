import type {LogLine} from '../../wire/logplex.js'

// How an app's lines are kept: one row per append (log_batches), its lines numbered first_seq to
// last_seq, held as one JSON text. An append costs the same few statements whatever its size;
// readers cut what they want out of the rows they read.

export interface NumberedLine extends LogLine {
  seq: number
}

export interface LineFilter {
  // `app`, `heroku`, an add-on's name
  source?: string
  // a process (`web.1`) or a process type (`web`: every `web.N`)
  dyno?: string
}

// A batch as read: where its lines start, and their text.
export interface StoredBatch {
  first_seq: number
  lines: string
}

// [time, source, process, message] of each line, one after the other in one flat array: quicker to
// write and to read than an array per line
const FIELDS = 4

export function encodeLines(lines: LogLine[]): string {
  const fields = new Array<string>(lines.length * FIELDS)
  let i = 0
  for (const line of lines) {
    fields[i++] = line.time
    fields[i++] = line.source
    fields[i++] = line.process
    fields[i++] = line.message
  }
  return JSON.stringify(fields)
}

// The lines of `batch` numbered above `above` that pass `filter`, oldest first.
export function decodeLines(batch: StoredBatch, above: number, filter: LineFilter): NumberedLine[] {
  const first = Number(batch.first_seq)
  const fields = JSON.parse(batch.lines) as string[]
  const matches = lineMatcher(filter)
  const lines: NumberedLine[] = []
  for (let n = Math.max(0, above - first + 1); n * FIELDS < fields.length; n++) {
    const i = n * FIELDS
    if (matches(fields[i + 1], fields[i + 2])) lines.push({seq: first + n, time: fields[i], source: fields[i + 1], process: fields[i + 2], message: fields[i + 3]})
  }
  return lines
}

export function isFiltered(filter: LineFilter): boolean {
  return Boolean(filter.source || filter.dyno)
}

function lineMatcher({source, dyno}: LineFilter): (source: string, process: string) => boolean {
  // `web` is a process type: every web.N; `web.1` is one process
  const type = dyno && !dyno.includes('.') ? `${dyno}.` : undefined
  return (lineSource, process) => (!source || lineSource === source) &&
    (!dyno || process === dyno || (type !== undefined && process.startsWith(type)))
}
