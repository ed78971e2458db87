import {existsSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {benchCli} from './cli.js'
import {type BenchRow, formatTable} from './table.js'

// `npm run bench`: the CLI start-up bench, then the platform and provider benches when they exist.
// A bench module exports a function (default, or named run/main/bench*) returning BenchRow[] or a
// printable string; one that exports none is taken to have run and printed on import.

type Result = BenchRow[] | string | void

async function runModule(title: string, file: string): Promise<boolean> {
  const path = fileURLToPath(new URL(file, import.meta.url))
  if (!existsSync(path)) {
    console.log(`=== ${title}\n(skipped: bench/${file.replace('./', '')} does not exist yet)\n`)
    return true
  }
  try {
    const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>
    const names = ['default', 'run', 'main', ...Object.keys(module).filter((k) => /^bench/i.test(k))]
    const fn = names.map((n) => module[n]).find((v): v is () => Promise<Result> => typeof v === 'function')
    if (fn) print(title, await fn())
    return true
  } catch (error) {
    console.log(`=== ${title}\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return false
  }
}

function print(title: string, result: Result): void {
  if (Array.isArray(result)) console.log(`${formatTable(title, result)}\n`)
  else if (typeof result === 'string') console.log(`${result}\n`)
}

let ok = true
try {
  print('CLI start-up (medians; built bin/run.js, NODE_ENV=production)', await benchCli())
} catch (error) {
  console.log(`=== CLI start-up\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  ok = false
}
ok = (await runModule('Platform', './platform.ts')) && ok
ok = (await runModule('Providers', './providers.ts')) && ok
// a missed target is reported in the tables, not as a failure: only a broken bench fails the script
process.exitCode = ok ? 0 : 1
