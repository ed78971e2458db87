// Child process for the kv kill -9 test: serves the built-in providers on a data dir, prints its
// URL and the kv manifest as one JSON line, and runs until killed.
import {startBuiltins} from './builtin-harness.js'

const platform = await startBuiltins(process.argv[2])
process.stdout.write(`${JSON.stringify({url: platform.url, manifest: platform.manifests.find((m) => m.id === 'kv')})}\n`)
