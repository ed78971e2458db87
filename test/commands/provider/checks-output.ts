// Reads the "  Check <name> ... [PASS]" lines of provider:test and provider:run output.
export interface CheckLine {
  name: string
  ok: boolean
}

export function checkLines(stdout: string): CheckLine[] {
  return [...stdout.matchAll(/^ {2}Check (.+) \.\.\. \[(PASS|FAIL)\]$/gm)].map((m) => ({name: m[1], ok: m[2] === 'PASS'}))
}

export const failed = (lines: CheckLine[]) => lines.filter((line) => !line.ok).map((line) => line.name)
export const passed = (lines: CheckLine[]) => lines.filter((line) => line.ok).map((line) => line.name)

// The names of the checks printed [WARN]: good practice not met, which does not fail the run.
export const warned = (stdout: string) => [...stdout.matchAll(/^ {2}Check (.+) \.\.\. \[WARN\]$/gm)].map((m) => m[1])
