import {spawn, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {ROOT} from '../helpers/cli.js'

export interface Spawned {
  stdout: string
  stderr: string
  code: number
}

// Runs `node <args>` as a user's shell would, without blocking this process: the stub API the
// child talks to lives in this process and must keep answering.
export function runNode(args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({stdout, stderr, code: code ?? 1}))
  })
}

// The built CLI (dist/ and oclif.manifest.json) is what users and host CLIs run. CI builds it
// before `npm test`; a local run without it builds once here.
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'commands')) && existsSync(join(ROOT, 'oclif.manifest.json'))) return
  const build = spawnSync('npm', ['run', 'build'], {cwd: ROOT, encoding: 'utf8'})
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`)
}

// An environment with nothing of the developer's: no DEBUG, no real API target or token.
export function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = {...process.env}
  for (const key of Object.keys(env)) {
    if (key.startsWith('ADDONKIT_') || key.startsWith('HEROKU_') || key === 'DEBUG' || key === 'NODE_OPTIONS') delete env[key]
  }
  return {...env, NO_COLOR: '1', NODE_ENV: 'production', ...extra}
}
