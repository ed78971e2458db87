import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import {type AttemptToSend, type Sender, sendAttempts, type SendResult} from './sender.js'
import type {ResultsMessage, SendMessage} from './sender-thread.js'

// Sends webhook attempts from a thread of its own (sender-thread.ts), started at the first attempt
// (until it has loaded, attempts are sent from here, as they would be without it): ten deliveries of a change then cost the API's event loop one message out and one back, not ten
// requests, their bodies, signatures and answers. The jobs, their claims and every record of an
// attempt stay with the worker (delivery.ts); the thread only makes requests, so a thread lost
// with requests in it loses no delivery: those attempts fail and their jobs are run again.
export class ThreadSender implements Sender {
  private thread?: Worker
  private ready = false
  private nextId = 0
  private readonly waiting = new Map<number, {resolvers: Array<{resolve(r: SendResult): void; reject(e: Error): void}>; left: number}>()

  send(attempts: AttemptToSend[], timeoutMs: number): Array<Promise<SendResult>> {
    if (attempts.length === 0) return []
    const thread = this.thread ?? this.start()
    if (!this.ready) return sendAttempts(attempts, timeoutMs)
    const id = this.nextId++
    const entry = {resolvers: [] as Array<{resolve(r: SendResult): void; reject(e: Error): void}>, left: attempts.length}
    const results = attempts.map(() => new Promise<SendResult>((resolve, reject) => entry.resolvers.push({resolve, reject})))
    this.waiting.set(id, entry)
    const events: SendMessage['events'] = {}
    const slim = attempts.map(({delivery: {data, previous_data, ...delivery}, attemptId}) => {
      events[delivery.event_id] = {data, previous_data}
      return {delivery, attemptId}
    })
    thread.postMessage({id, attempts: slim, events, timeoutMs} satisfies SendMessage)
    return results
  }

  async close(): Promise<void> {
    const thread = this.thread
    this.thread = undefined
    this.ready = false
    if (thread) await thread.terminate()
    this.failAll(new Error('webhook sender closed'))
  }

  private start(): Worker {
    const thread = new Worker(...threadEntry())
    // a platform's process ends when its server does, whatever this thread is doing
    thread.unref()
    thread.on('message', ({results}: ResultsMessage) => {
      if (results === 'ready') {
        this.ready = this.thread === thread
        return
      }
      for (const {id, index, result} of results) {
        const entry = this.waiting.get(id)
        if (!entry) continue
        entry.resolvers[index].resolve(result)
        if (--entry.left === 0) this.waiting.delete(id)
      }
    })
    const lost = (error: Error) => {
      if (this.thread !== thread) return
      this.thread = undefined
      this.ready = false
      this.failAll(error)
    }
    thread.on('error', (error) => lost(error))
    thread.on('exit', (code) => lost(new Error(`webhook sender thread exited (${code})`)))
    this.thread = thread
    return thread
  }

  private failAll(error: Error): void {
    for (const entry of this.waiting.values()) for (const r of entry.resolvers) r.reject(error)
    this.waiting.clear()
  }
}

// Built, the thread is the compiled sender-thread.js beside this file; run from source (tsx: tests,
// benchmarks), a thread does not inherit the parent's TypeScript loader, so it loads tsx first.
function threadEntry(): ConstructorParameters<typeof Worker> {
  const built = new URL('./sender-thread.js', import.meta.url)
  if (existsSync(fileURLToPath(built))) return [built]
  const source = new URL('./sender-thread.ts', import.meta.url).href
  const tsx = import.meta.resolve('tsx/esm/api')
  return [`import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`, {eval: true}]
}
