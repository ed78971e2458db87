// Durations on the command line: a number with a unit (250ms, 30s, 10m, 72h), as the flags that
// shorten the platform's waits for tests take them.
const UNITS: Record<string, number> = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}

export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(text)
  if (!match) throw new Error(`"${text}" is not a duration: give a number and a unit, e.g. 500ms, 30s, 10m or 72h`)
  const ms = Math.round(Number(match[1]) * UNITS[match[2]])
  if (ms <= 0) throw new Error(`"${text}" is not a duration: it must be longer than 0`)
  return ms
}
