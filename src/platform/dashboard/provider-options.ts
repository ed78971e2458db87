import {invalid} from '../services/errors.js'

// The create form's provider options: KEY=VALUE lines, as the CLI takes them after `--`.
export function parseOptionLines(text: string | undefined): Record<string, string> | undefined {
  const options: Record<string, string> = {}
  const lines = (text ?? '').split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '')
  for (const line of lines) {
    const at = line.indexOf('=')
    if (at <= 0) throw invalid(`Provider option "${line}" is not KEY=VALUE.`)
    options[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return lines.length === 0 ? undefined : options
}
