import type {ApiClient} from '../api/client.js'

export interface LogQuery {
  app: string
  // history lines (1 to MAX_LOG_LINES)
  lines: number
  tail: boolean
  // `app`, `heroku`, an add-on's name
  source?: string
  // a process (`web.1`) or a process type (`web`)
  dyno?: string
}

// What the platform keeps of an app's stream, and so the most a session can show
export const MAX_LOG_LINES = 1500

export interface LogSession {
  id: string
  logplex_url: string
}

// POST /apps/{app}/log-sessions with the body `heroku logs` sends on Cedar apps.
export function createLogSession(api: ApiClient, query: LogQuery, signal?: AbortSignal): Promise<LogSession> {
  const body = {lines: query.lines, tail: query.tail, ...(query.source ? {source: query.source} : {}), ...(query.dyno ? {dyno: query.dyno} : {})}
  return api.post<LogSession>(`apps/${encodeURIComponent(query.app)}/log-sessions`, body, {signal})
}
