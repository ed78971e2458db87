import {spawn, type ChildProcess} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {freshPostgresSchema} from '../helpers.js'

export interface Instance {
  child: ChildProcess
  url: string
}

// One platform instance in its own process (test/fixtures/providers/run-platform.ts), so it can be
// killed with SIGKILL like a real one; `extra` is further startPlatform options.
export function launchInstance(dataDir: string, manifestFile: string, databaseUrl: string, extra: Record<string, unknown> = {}): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/providers/run-platform.ts', dataDir, manifestFile, databaseUrl, JSON.stringify(extra)], {stdio: ['ignore', 'pipe', 'inherit']})
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve({child, url: JSON.parse(out.split('\n')[0]).url})
    })
    child.once('exit', (code) => reject(new Error(`platform instance exited with ${code}`)))
  })
}

// Two instances, A and B, on one fresh schema of the PostgreSQL at `baseUrl`, both knowing the
// services of `manifest`: each in a folder of its own under dataDir.
export async function launchPair(dataDir: string, manifest: unknown, baseUrl: string, extra: Record<string, unknown> = {}): Promise<[Instance, Instance]> {
  const manifestFile = join(dataDir, 'manifest.json')
  writeFileSync(manifestFile, JSON.stringify(manifest))
  const databaseUrl = await freshPostgresSchema(baseUrl)
  return [await launchInstance(join(dataDir, 'a'), manifestFile, databaseUrl, extra), await launchInstance(join(dataDir, 'b'), manifestFile, databaseUrl, extra)]
}

export function stop(instance: Instance | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (instance && instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill(signal)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
