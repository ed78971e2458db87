import {fork, type ChildProcess} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

// The benchmark's webhook receivers, in a process of their own: a receiver is another service, so
// parsing its requests must not be charged to the platform's event loop (nor the platform's work to
// the receiver). The parent asks "tell me when receiver i has n requests" and hears back once, with
// the moment the n-th arrived on the shared wall clock (timeOrigin + now(), sub-millisecond).

export interface RemoteReceiver {
  url: string
  // when `count` requests have arrived in all: the arrival time of the count-th (see now())
  arrivals(count: number): Promise<number>
}

export interface ReceiverProcess {
  receivers: RemoteReceiver[]
  close(): Promise<void>
}

// the same clock as the child's arrival times
export const now = () => performance.timeOrigin + performance.now()

type ToChild = {type: 'wait'; id: number; receiver: number; count: number}
type FromChild = {type: 'started'; urls: string[]} | {type: 'arrived'; id: number; at: number}

export async function startReceiverProcess(count: number, status: number): Promise<ReceiverProcess> {
  // the parent's --import tsx, without a --cpu-prof meant for the platform
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--cpu-prof'))
  const child = fork(fileURLToPath(import.meta.url), ['--child', String(count), String(status)], {execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
  const waiting = new Map<number, (at: number) => void>()
  let nextId = 0
  const urls = await new Promise<string[]>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`webhook receivers exited (${code})`)))
    child.on('message', (message: FromChild) => {
      if (message.type === 'started') resolve(message.urls)
      else waiting.get(message.id)?.(message.at)
    })
  })
  child.removeAllListeners('exit')
  const receivers = urls.map((url, receiver): RemoteReceiver => ({
    url,
    arrivals: (n) => new Promise<number>((resolve) => {
      const id = nextId++
      waiting.set(id, (at) => {
        waiting.delete(id)
        resolve(at)
      })
      child.send({type: 'wait', id, receiver, count: n} satisfies ToChild)
    }),
  }))
  return {receivers, close: () => stop(child)}
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill()
  })
}

// One HTTP server per receiver; each request's arrival time (its body read) is kept, so a wait that
// comes after the arrival is still answered with when it happened.
async function runChild(count: number, status: number): Promise<void> {
  const servers = await Promise.all(Array.from({length: count}, () => startOne(status)))
  process.on('message', (message: ToChild) => {
    const server = servers[message.receiver]
    const answer = (at: number) => process.send!({type: 'arrived', id: message.id, at} satisfies FromChild)
    if (server.times.length >= message.count) answer(server.times[message.count - 1])
    else server.waiters.push({count: message.count, answer})
  })
  process.on('disconnect', () => process.exit(0))
  process.send!({type: 'started', urls: servers.map((s) => s.url)} satisfies FromChild)
}

async function startOne(status: number) {
  const times: number[] = []
  const waiters: Array<{count: number; answer(at: number): void}> = []
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      times.push(now())
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (times.length < waiters[i].count) continue
        waiters[i].answer(times[waiters[i].count - 1])
        waiters.splice(i, 1)
      }
      response.writeHead(status).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, times, waiters}
}

if (process.argv[2] === '--child') await runChild(Number(process.argv[3]), Number(process.argv[4]))
