import type {Release} from '../api/types.js'
import {formatConfigVars, formatShell} from '../config/format.js'
import {formatHeader, formatKeyValues} from '../output/key-value.js'
import type {ReleaseConfigVars} from './info.js'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

// `2026/01/05 10:00:00 +0100 (~ 2h ago)`: local time with its offset, and how long ago for the last day.
export function formatWhen(at: string, now: number): string {
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return at
  const offset = -date.getTimezoneOffset()
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`
  const stamp = `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`
  const seconds = Math.floor((now - date.getTime()) / 1000)
  if (seconds < 0 || seconds >= 25 * 60 * 60) return stamp
  if (seconds < 60) return `${stamp} (~ ${seconds}s ago)`
  if (seconds < 60 * 60) return `${stamp} (~ ${Math.floor(seconds / 60)}m ago)`
  return `${stamp} (~ ${Math.floor(seconds / 3600)}h ago)`
}

// A release that did not simply succeed says so after its description (Heroku's release phase).
export function describeRelease(release: Pick<Release, 'description' | 'status'>): string {
  const note = {failed: 'release command failed', pending: 'release command executing', expired: 'release expired'}[release.status as string]
  return note ? `${release.description} (${note})` : release.description
}

// `releases`: a header naming the current version, then `vN  description  email  when`, newest first.
export function formatReleaseList(app: string, releases: Release[], now: number): string[] {
  if (releases.length === 0) return [`${app} has no releases.`]
  const current = releases.find((r) => r.current)
  const rows = [...releases]
    .sort((a, b) => b.version - a.version)
    .map((r) => [`v${r.version}`, describeRelease(r), r.user?.email ?? '', formatWhen(r.created_at, now)])
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)))
  return [
    formatHeader(`${app} Releases${current ? ` - Current: v${current.version}` : ''}`),
    ...rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd()),
  ]
}

// `releases:info`: what the release was, in the heroku CLI's keys.
export function formatReleaseInfo(release: Release, now: number): string[] {
  return [
    formatHeader(`Release v${release.version}`),
    ...formatKeyValues([
      ['Add-ons', [...release.addon_plan_names].sort()],
      ['By', release.user?.email ?? ''],
      ['Change', describeRelease(release)],
      ['Current', release.current ? 'Yes' : 'No'],
      ['Eligible for Rollback?', release.eligible_for_rollback ? 'Yes' : 'No'],
      ['When', formatWhen(release.created_at, now)],
    ]),
  ]
}

// `=== v5 Config vars` and the vars as `config` prints them (or as KEY=value lines with --shell).
export function formatReleaseConfigVars(version: number, config: ReleaseConfigVars, shell: boolean): string[] {
  const header = formatHeader(`v${version} Config vars`)
  if ('unavailable' in config) return [header, config.unavailable]
  return [header, ...(shell ? formatShell(config.vars) : formatConfigVars(config.vars))]
}
