import type {SelectQueryBuilder} from 'kysely'

// A parsed `Range` request (see http/range.ts), applied in SQL so long lists stay fast.
export interface PageRequest {
  field: string
  start?: string
  startExclusive: boolean
  end?: string
  max: number
  order: 'asc' | 'desc'
}

export interface Page<T> {
  items: T[]
  // last sort-key value of this page, set only when more rows exist
  nextStart?: string
  page: PageRequest
  firstKey?: string
  lastKey?: string
}

export const DEFAULT_PAGE_SIZE = 200
export const MAX_PAGE_SIZE = 1000

export function defaultPage(field = 'id'): PageRequest {
  return {field, startExclusive: false, max: DEFAULT_PAGE_SIZE, order: 'asc'}
}

// `columns` maps the Range field names a list accepts to SQL columns; `numeric` fields compare as numbers.
export async function fetchPage<DB, TB extends keyof DB, O extends Record<string, unknown>>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
  columns: Record<string, {column: string; key: (row: O) => string; numeric?: boolean}>,
): Promise<Page<O>> {
  const spec = columns[page.field]
  const q = query as unknown as SelectQueryBuilder<any, any, O>
  const value = (v: string) => (spec.numeric ? Number(v) : v)
  const forward = page.order === 'asc'
  let built = q
  if (page.start !== undefined && page.start !== '') {
    const op = forward ? (page.startExclusive ? '>' : '>=') : (page.startExclusive ? '<' : '<=')
    built = built.where(spec.column, op, value(page.start))
  }
  if (page.end !== undefined && page.end !== '') {
    built = built.where(spec.column, forward ? '<=' : '>=', value(page.end))
  }
  const rows = await built.orderBy(spec.column, page.order).limit(page.max + 1).execute()
  const more = rows.length > page.max
  const items = more ? rows.slice(0, page.max) : rows
  const firstKey = items.length > 0 ? spec.key(items[0]) : undefined
  const lastKey = items.length > 0 ? spec.key(items[items.length - 1]) : undefined
  return {items, page, firstKey, lastKey, nextStart: more ? lastKey : undefined}
}

// One page over the union of several queries (each paged in SQL, so each can use its own index),
// e.g. an app's own add-ons plus the foreign ones attached to it.
export async function fetchMergedPage<O extends Record<string, unknown>>(
  queries: SelectQueryBuilder<any, any, O>[],
  page: PageRequest,
  columns: Record<string, {column: string; key: (row: O) => string; numeric?: boolean}>,
): Promise<Page<O>> {
  const spec = columns[page.field]
  const pages = await Promise.all(queries.map((q) => fetchPage(q, page, columns)))
  const seen = new Set<string>()
  const rows: O[] = []
  let truncated = false
  for (const p of pages) {
    truncated ||= p.nextStart !== undefined
    for (const item of p.items) {
      const id = typeof item.id === 'string' ? item.id : JSON.stringify(item)
      if (!seen.has(id)) rows.push(item)
      seen.add(id)
    }
  }
  const compare = (a: O, b: O) => {
    const [x, y] = spec.numeric ? [Number(spec.key(a)), Number(spec.key(b))] : [spec.key(a), spec.key(b)]
    return (x < y ? -1 : x > y ? 1 : 0) * (page.order === 'asc' ? 1 : -1)
  }
  rows.sort(compare)
  const more = truncated || rows.length > page.max
  const items = rows.slice(0, page.max)
  const firstKey = items.length > 0 ? spec.key(items[0]) : undefined
  const lastKey = items.length > 0 ? spec.key(items[items.length - 1]) : undefined
  return {items, page, firstKey, lastKey, nextStart: more ? lastKey : undefined}
}

// Same shape for lists that are filtered in memory (small catalog lists).
export function pageOf<T>(all: T[], page: PageRequest, key: (item: T) => string | number): Page<T> {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0)
  const sign = page.order === 'asc' ? 1 : -1
  const typed = (v: string, sample: string | number) => (typeof sample === 'number' ? Number(v) : v)
  let sorted = [...all].sort((a, b) => sign * cmp(key(a), key(b)))
  if (page.start !== undefined && page.start !== '') {
    sorted = sorted.filter((i) => {
      const c = sign * cmp(key(i), typed(page.start!, key(i)))
      return page.startExclusive ? c > 0 : c >= 0
    })
  }
  if (page.end !== undefined && page.end !== '') sorted = sorted.filter((i) => sign * cmp(key(i), typed(page.end!, key(i))) <= 0)
  const more = sorted.length > page.max
  const items = sorted.slice(0, page.max)
  const firstKey = items.length > 0 ? String(key(items[0])) : undefined
  const lastKey = items.length > 0 ? String(key(items[items.length - 1])) : undefined
  return {items, page, firstKey, lastKey, nextStart: more ? lastKey : undefined}
}
