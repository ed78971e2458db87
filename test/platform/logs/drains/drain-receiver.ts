import {createServer, type IncomingHttpHeaders, type Server} from 'node:http'
import {createServer as createTcpServer, type Server as TcpServer} from 'node:net'
import {parseDrainBody, type DrainMessage} from '../../../../src/wire/logplex.js'

export interface ReceivedPost {
  path: string
  headers: IncomingHttpHeaders
  body: string
  // what the receiver answered (undefined while it holds the request)
  status?: number
}

// A real HTTP drain on 127.0.0.1 that records every POST and answers as a test tells it:
// `answers` are the statuses of the next requests, in order (200 after them); `delayMs` makes it
// slow; `hold` keeps requests waiting until `release(status)`.
export class HttpDrainReceiver {
  readonly posts: ReceivedPost[] = []
  answers: number[] = []
  delayMs = 0
  hold = false
  private readonly held: Array<(status: number) => void> = []

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<HttpDrainReceiver> {
    let receiver: HttpDrainReceiver | undefined
    const server = createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => void receiver!.answer(request.url ?? '/', request.headers, Buffer.concat(chunks).toString('utf8'), (status) => {
        response.writeHead(status).end()
      }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    receiver = new HttpDrainReceiver(server, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`)
    return receiver
  }

  // every message of every POST answered 2xx, in arrival order
  delivered(): DrainMessage[] {
    return this.posts.filter((p) => p.status !== undefined && p.status < 300).flatMap((p) => parseDrainBody(Buffer.from(p.body)))
  }

  get heldCount(): number {
    return this.held.length
  }

  release(status: number): void {
    this.hold = false
    for (const answer of this.held.splice(0)) answer(status)
  }

  async close(): Promise<void> {
    this.release(503)
    this.server.closeAllConnections()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private async answer(path: string, headers: IncomingHttpHeaders, body: string, send: (status: number) => void): Promise<void> {
    const post: ReceivedPost = {path, headers, body}
    this.posts.push(post)
    const reply = (status: number) => {
      post.status = status
      send(status)
    }
    if (this.hold) {
      this.held.push(reply)
      return
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs))
    reply(this.answers.shift() ?? 200)
  }
}

// A syslog receiver: a TCP server keeping every byte each connection sent.
export class SyslogReceiver {
  readonly connections: string[] = []

  private constructor(private readonly server: TcpServer, readonly port: number) {}

  static async start(): Promise<SyslogReceiver> {
    let receiver: SyslogReceiver | undefined
    const server = createTcpServer((socket) => {
      const chunks: Buffer[] = []
      socket.on('data', (chunk) => chunks.push(chunk))
      socket.on('end', () => {
        receiver!.connections.push(Buffer.concat(chunks).toString('utf8'))
        socket.end()
      })
      socket.on('error', () => {})
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    receiver = new SyslogReceiver(server, typeof address === 'object' && address ? address.port : 0)
    return receiver
  }

  messages(): DrainMessage[] {
    return this.connections.flatMap((body) => parseDrainBody(Buffer.from(body), 'syslog'))
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve))
  }
}
