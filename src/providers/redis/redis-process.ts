import {spawn, type ChildProcess} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {Redis} from 'ioredis'
import {confPath, pidPath, redisAdminUser} from './redis-config.js'

export interface RedisLogger {
  warn(message: string): void
}

const readyTimeoutMs = 10_000
const stopTimeoutMs = 5_000

// An admin connection that fails fast instead of retrying forever.
export function adminClient(port: number, adminPassword: string): Redis {
  return new Redis({
    host: '127.0.0.1',
    port,
    username: redisAdminUser,
    password: adminPassword,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
  })
}

async function pingOnce(port: number, adminPassword: string): Promise<boolean> {
  const client = adminClient(port, adminPassword)
  client.on('error', () => {})
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

// A redis-server left running by a platform that crashed holds the port: stop it first.
async function stopLeftover(dir: string): Promise<void> {
  const pid = Number((await readFile(pidPath(dir), 'utf8').catch(() => '')).trim())
  if (!pid || !alive(pid)) return
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  if (!cmdline.includes('redis-server')) return
  process.kill(pid, 'SIGTERM')
  for (let waited = 0; alive(pid) && waited < stopTimeoutMs; waited += 50) await new Promise((r) => setTimeout(r, 50))
}

async function logTail(dir: string): Promise<string> {
  const log = await readFile(join(dir, 'redis.log'), 'utf8').catch(() => '')
  return log.trim().split('\n').slice(-3).join(' | ')
}

/**
 * One redis-server for one add-on, restarted when it dies (back-off up to 5 s) until stop().
 * Its configuration file (written by the caller) holds everything, so a restart needs nothing else.
 */
export class SupervisedRedis {
  private child?: ChildProcess
  private stopping = false
  private restartDelayMs = 200
  private restartTimer?: NodeJS.Timeout

  constructor(
    private readonly binary: string,
    readonly dir: string,
    readonly port: number,
    private readonly adminPassword: string,
    private readonly log: RedisLogger,
  ) {}

  async start(): Promise<void> {
    this.stopping = false
    await stopLeftover(this.dir)
    await this.spawnAndWait()
  }

  private spawnAndWait(): Promise<void> {
    const child = spawn(this.binary, [confPath(this.dir)], {stdio: 'ignore'})
    this.child = child
    const startedAt = Date.now()
    let exited = false
    const spawnError = new Promise<never>((_, reject) => child.once('error', reject))
    spawnError.catch(() => {})
    child.once('exit', (code, signal) => {
      exited = true
      if (this.child === child) this.child = undefined
      if (this.stopping) return
      // A process that ran a while earns a quick restart again; one that keeps dying backs off.
      if (Date.now() - startedAt > 30_000) this.restartDelayMs = 200
      this.log.warn(`redis-server on port ${this.port} exited (${signal ?? code}); restarting in ${this.restartDelayMs} ms`)
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined
        if (!this.stopping) this.spawnAndWait().catch((error) => this.log.warn(String(error.message)))
      }, this.restartDelayMs)
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, 5_000)
    })
    const ready = (async () => {
      for (const deadline = Date.now() + readyTimeoutMs; Date.now() < deadline; ) {
        if (exited) break
        if (await pingOnce(this.port, this.adminPassword)) return
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`redis-server on port ${this.port} did not start: ${(await logTail(this.dir)) || 'no log'}`)
    })()
    return Promise.race([ready, spawnError])
  }

  async stop(): Promise<void> {
    this.stopping = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs)
    await exited
    clearTimeout(timer)
  }

  get pid(): number | undefined {
    return this.child?.pid
  }
}
