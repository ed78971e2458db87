import {formatLogLine} from '../../../wire/logplex.js'
import type {Reader} from './reader.js'

export const LOG_HISTORY = 100

// The app's newest log lines as `addonkit logs` prints them (the live tail comes from a log session).
export async function logHistory(reader: Reader, appName: string): Promise<{app: string; lines: Array<{seq: number; text: string}>}> {
  const {s, actor} = reader
  const app = await s.apps.find(actor, appName)
  const lines = await s.logs.stream.newest(app.id, LOG_HISTORY)
  return {app: app.name, lines: lines.map((line) => ({seq: line.seq, text: formatLogLine(line)}))}
}
