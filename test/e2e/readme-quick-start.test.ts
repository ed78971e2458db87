// The README's quick start, run as written: the platform from the built binary, then each line of the
// README's command block in a shell with `addonkit` on PATH. Keeps the user's door honest.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {cleanEnv, ensureBuilt} from '../bin/spawn.js'
import {ROOT} from '../helpers/cli.js'

// the shell lines of the README block that follows "In another terminal"
function quickStartLines(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const block = /In another terminal[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)
  assert.ok(block, 'README has the quick start block')
  return block[1].split('\n').filter((line) => line.trim() !== '')
}

function sh(line: string, env: NodeJS.ProcessEnv): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line], {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('close', (code) => resolve({code: code ?? 1, stdout, stderr}))
  })
}

describe('README quick start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-readme-'))
  const bin = join(dir, 'bin')
  const env = cleanEnv({ADDONKIT_DATA_DIR: join(dir, 'data'), PATH: `${bin}:${process.env.PATH}`})
  let platform: ReturnType<typeof spawn> | undefined

  before(async () => {
    ensureBuilt()
    // `npm link` would put addonkit on PATH; a wrapper does the same without touching the machine
    mkdirSync(bin)
    writeFileSync(join(bin, 'addonkit'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/run.js')}" "$@"\n`, {mode: 0o755})
    // what `npm start` runs, on a free port
    platform = spawn(process.execPath, [join(ROOT, 'bin/run.js'), 'platform:start', '--port', '0'], {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']})
    await new Promise<void>((resolve, reject) => {
      let out = ''
      platform!.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk
        if (out.includes('platform listening on')) resolve()
      })
      platform!.on('exit', (code) => reject(new Error(`platform:start exited ${code}: ${out}`)))
    })
  })

  after(() => {
    platform?.kill('SIGTERM')
    rmSync(dir, {recursive: true, force: true})
  })

  it('every line runs, the kv add-on shows in the tables, and run reads back what it wrote', async () => {
    const lines = quickStartLines()
    assert.ok(lines.length >= 4)
    const outputs: string[] = []
    for (const line of lines) {
      const result = await sh(line, env)
      assert.equal(result.code, 0, `${line}\n${result.stderr}`)
      outputs.push(result.stdout)
    }
    const listing = outputs[lines.findIndex((line) => /addonkit addons --app/.test(line))]
    assert.match(listing, /^=== Resources for my-app\nPlan\s+Name\s+Price\n-+\s+-+\s+-+\nkv:free\s+kv-[a-z]+-\d{5}\s+free\n\n=== Attachments for my-app\n/)
    assert.match(listing, /\nKV\s+kv-[a-z]+-\d{5}\s+my-app\n$/)
    assert.equal(outputs.at(-1), 'hello')
  })
})
