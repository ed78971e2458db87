// Results of conformance checks, printed as they happen (text) or collected for --json.

export interface CheckResult {
  name: string
  ok: boolean
  // why it failed
  reason?: string
  // what a passing check learned, e.g. that provisioning is asynchronous
  note?: string
  // a check that passed with a doubt (kensa's yellow lines): printed [WARN], does not fail the run
  warning?: string
}

export interface CheckReportJson {
  checks: CheckResult[]
  ok: boolean
}

export type LineWriter = (line: string) => void

export class CheckReport {
  readonly checks: CheckResult[] = []

  // `write` receives the text lines; pass a no-op for --json
  constructor(private readonly write: LineWriter) {}

  group(title: string): void {
    if (this.checks.length > 0 || this.started) this.write('')
    this.started = true
    this.write(`Testing ${title}`)
  }

  pass(name: string, note?: string): void {
    this.add({name, ok: true, ...(note ? {note} : {})})
  }

  fail(name: string, reason: string): void {
    this.add({name, ok: false, reason})
  }

  warn(name: string, warning: string): void {
    this.add({name, ok: true, warning})
  }

  // fails with `reason` when there is one, passes otherwise
  verdict(name: string, reason: string | undefined, note?: string): boolean {
    if (reason === undefined) this.pass(name, note)
    else this.fail(name, reason)
    return reason === undefined
  }

  // a line that is not a check: steps of provider:run, resources left behind
  info(line: string): void {
    this.write(line)
  }

  get ok(): boolean {
    return this.checks.every((check) => check.ok)
  }

  toJson(): CheckReportJson {
    return {checks: this.checks, ok: this.ok}
  }

  summary(): string {
    const failed = this.checks.filter((check) => !check.ok).length
    const warned = this.checks.filter((check) => check.warning !== undefined).length
    const warnings = warned === 0 ? '' : ` (${warned} with a warning)`
    return failed === 0 ? `All ${this.checks.length} checks passed${warnings}.` : `${failed} of ${this.checks.length} checks failed${warnings}.`
  }

  private started = false

  private add(result: CheckResult): void {
    this.checks.push(result)
    this.write(`  Check ${result.name} ... [${result.warning !== undefined ? 'WARN' : result.ok ? 'PASS' : 'FAIL'}]`)
    // a reason may list several problems, one a line
    for (const line of (result.reason ?? result.warning)?.split('\n') ?? []) this.write(`    ${line}`)
    if (result.note) this.write(`    ${result.note}`)
  }
}
