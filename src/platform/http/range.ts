import {PlatformError} from '../services/errors.js'
import {DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest} from '../store/paging.js'

const rangeError = (message: string) => new PlatformError(416, 'requested_range_not_satisfiable', message)

// Parses `Range: <field> [[]start]..[end][; max=N][, order=asc|desc][;]`. Separators between the
// parameters may be `;` or `,` (clients send both).
export function parseRange(header: string | undefined, fields: string[]): PageRequest {
  const page: PageRequest = {field: fields[0], startExclusive: false, max: DEFAULT_PAGE_SIZE, order: 'asc'}
  if (!header || header.trim() === '') return page
  const match = /^\s*([a-z_]+)\s*([^;,]*?)\s*(?:[;,](.*))?$/i.exec(header)
  if (!match) throw rangeError(`Invalid Range header: ${header}`)
  const [, field, bounds, params] = match
  if (!fields.includes(field)) throw rangeError(`Range field "${field}" is not sortable here; use one of: ${fields.join(', ')}.`)
  page.field = field
  if (bounds !== '') {
    const dots = bounds.indexOf('..')
    if (dots < 0) throw rangeError(`Invalid Range header: ${header}`)
    let start = bounds.slice(0, dots).trim()
    if (start.startsWith(']')) {
      page.startExclusive = true
      start = start.slice(1)
    }
    const end = bounds.slice(dots + 2).trim()
    if (start !== '') page.start = start
    if (end !== '') page.end = end
  }
  for (const part of (params ?? '').split(/[;,]/)) {
    const trimmed = part.trim()
    if (trimmed === '') continue
    const [key, value] = trimmed.split('=').map((s) => s.trim())
    if (key === 'max') {
      const max = Number(value)
      if (!Number.isInteger(max) || max < 1) throw rangeError(`Invalid Range max: ${value}`)
      page.max = Math.min(max, MAX_PAGE_SIZE)
    } else if (key === 'order') {
      if (value !== 'asc' && value !== 'desc') throw rangeError(`Invalid Range order: ${value}`)
      page.order = value
    }
  }
  return page
}

// Content-Range always, Next-Range only when more data exists (clients follow Next-Range blindly).
export function rangeHeaders(page: Page<unknown>): Record<string, string> {
  const {field, max, order} = page.page
  const headers: Record<string, string> = {}
  if (page.firstKey !== undefined) headers['Content-Range'] = `${field} ${page.firstKey}..${page.lastKey}; max=${max}`
  if (page.nextStart !== undefined) {
    headers['Next-Range'] = `${field} ]${page.nextStart}..; max=${max}${order === 'desc' ? ', order=desc' : ''}`
  }
  return headers
}
