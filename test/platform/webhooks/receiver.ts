import {createServer, type IncomingHttpHeaders, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface Received {
  path: string
  headers: IncomingHttpHeaders
  // the body exactly as it arrived
  raw: Buffer
  body: any
}

// What the receiver does with the next request: answer with a status, or never answer.
export type Answer = number | 'hang'

export interface Receiver {
  url: string
  received: Received[]
  // answers for the coming requests, in order; once used up, every request gets `fallback`
  answers: Answer[]
  fallback: Answer
  // resolves when `count` requests have arrived in all
  arrivals(count: number): Promise<Received[]>
  // ends every request held by 'hang' (with a 200)
  releaseHung(): void
  close(): Promise<void>
}

// A webhook receiver on 127.0.0.1 that records every request with its raw body.
export async function startReceiver(fallback: Answer = 200): Promise<Receiver> {
  const hung: ServerResponse[] = []
  const waiters: Array<{count: number; resolve: (r: Received[]) => void}> = []
  const receiver: Omit<Receiver, 'url' | 'close'> & {url?: string} = {
    received: [],
    answers: [],
    fallback,
    arrivals: (count) => new Promise((resolve) => {
      if (receiver.received.length >= count) resolve(receiver.received.slice())
      else waiters.push({count, resolve})
    }),
    releaseHung: () => {
      for (const response of hung.splice(0)) if (!response.writableEnded) response.end()
    },
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const raw = Buffer.concat(chunks)
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        body = undefined
      }
      receiver.received.push({path: request.url ?? '/', headers: request.headers, raw, body})
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(receiver.received.slice())
      }
      const answer = receiver.answers.length > 0 ? receiver.answers.shift()! : receiver.fallback
      if (answer === 'hang') hung.push(response)
      else response.writeHead(answer).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    async close() {
      receiver.releaseHung()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }) as Receiver
}
