import type {Deps} from '../deps.js'

export interface OpenOptions {
  url: string
  // what is being opened, for the "Opening ..." line
  label: string
  showUrl: boolean
  // stdout: the URL, for scripts and for users without a browser
  print(line: string): void
  // stderr: progress
  note(line: string): void
}

// Opens a URL in the browser, or prints it when asked to, when there is no browser, or when opening fails.
export async function openOrPrint(deps: Deps, options: OpenOptions): Promise<void> {
  if (options.showUrl || !deps.canOpenBrowser) {
    options.print(options.url)
    return
  }
  options.note(`Opening ${options.label}...`)
  try {
    await deps.openUrl(options.url)
  } catch {
    options.print(options.url)
  }
}
