export const METRICS_INTERVAL_ENV = 'ADDONKIT_METRICS_INTERVAL_MS'
// Heroku's data add-ons write about one metrics line a minute.
export const DEFAULT_METRICS_INTERVAL_MS = 60_000
// shorter would flood the apps' logs (and the platform) for no use
const SHORTEST_MS = 100

/**
 * How often the built-in data services write their metrics line: the option (provider:serve
 * --metrics-interval, a factory's context), else ADDONKIT_METRICS_INTERVAL_MS, else once a minute.
 * 0 turns the lines off. A value that is not a whole number of milliseconds is refused by name.
 */
export function metricsIntervalMs(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return checked(option, 'the metrics interval')
  const text = env[METRICS_INTERVAL_ENV]?.trim()
  if (text === undefined || text === '') return DEFAULT_METRICS_INTERVAL_MS
  return checked(/^\d+$/.test(text) ? Number(text) : Number.NaN, `${METRICS_INTERVAL_ENV} ("${text}")`)
}

function checked(value: number, what: string): number {
  if (Number.isInteger(value) && (value === 0 || value >= SHORTEST_MS)) return value
  throw new Error(`${what} must be a whole number of milliseconds, ${SHORTEST_MS} or more (or 0 for no metrics lines)`)
}
