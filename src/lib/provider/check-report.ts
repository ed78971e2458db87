// Results of conformance checks, printed as they happen (text) or collected for --json.

/**
 * How much a check weighs: `must` is what Heroku's partner documents require of a provider (or what
 * the platform refuses to work without): failing it fails the run. `should` is good practice the
 * platform never depends on (kensa 3.1 does not check it, or Heroku never sends the request that
 * would show it): not meeting it is a warning, printed [WARN], and the run still passes.
 */
export type CheckSeverity = 'must' | 'should'

export interface CheckResult {
  name: string
  // false only for a `must` check that failed
  ok: boolean
  severity: CheckSeverity
  // why it failed
  reason?: string
  // what a passing check learned, e.g. that provisioning is asynchronous
  note?: string
  // a `should` check not met, or one that passed with a doubt: printed [WARN], does not fail the run
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

  pass(name: string, note?: string, severity: CheckSeverity = 'must'): void {
    this.add({name, ok: true, severity, ...(note ? {note} : {})})
  }

  fail(name: string, reason: string): void {
    this.add({name, ok: false, severity: 'must', reason})
  }

  warn(name: string, warning: string): void {
    this.add({name, ok: true, severity: 'should', warning})
  }

  // Passes when there is no reason; otherwise fails a `must` check and warns on a `should` one.
  // Returns whether the check was met.
  verdict(name: string, reason: string | undefined, note?: string, severity: CheckSeverity = 'must'): boolean {
    if (reason === undefined) this.pass(name, note, severity)
    else if (severity === 'should') this.warn(name, reason)
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

  get warnings(): number {
    return this.checks.filter((check) => check.warning !== undefined).length
  }

  toJson(): CheckReportJson {
    return {checks: this.checks, ok: this.ok}
  }

  summary(): string {
    const failed = this.checks.filter((check) => !check.ok).length
    const warnings = this.warnings === 0 ? '' : ` (${this.warnings} with a warning)`
    return failed === 0 ? `All ${this.checks.length} checks passed${warnings}.` : `${failed} of ${this.checks.length} checks failed${warnings}.`
  }

  private started = false

  private add(result: CheckResult): void {
    this.checks.push(result)
    this.write(`  Check ${result.name} ... [${result.warning !== undefined ? 'WARN' : result.ok ? 'PASS' : 'FAIL'}]`)
    // a reason may list several problems, one a line
    for (const line of (result.reason ?? result.warning)?.split('\n') ?? []) this.write(`    ${line}`)
    if (result.note) this.write(`    ${result.note}`)
    if (result.warning !== undefined) this.write('    (good practice, not required by Heroku: does not fail the run)')
  }
}
