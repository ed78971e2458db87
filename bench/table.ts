// The one table every bench prints: metric, measured, reference or target, ok?
export interface BenchRow {
  metric: string
  measured: string
  target: string
  // undefined: informative only, no target to meet
  ok?: boolean
}

export function formatTable(title: string, rows: BenchRow[]): string {
  const head = ['metric', 'measured', 'reference/target', 'ok?']
  const cells = rows.map((row) => [row.metric, row.measured, row.target, row.ok === undefined ? '-' : row.ok ? 'yes' : 'NO'])
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)))
  const line = (cols: string[]) =>
    cols
      .map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [`=== ${title}`, line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
