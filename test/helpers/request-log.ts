import {createServer, request as forward} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface LoggedRequest {
  method: string
  path: string
}

export interface RequestLog {
  // point the CLI here: every request is passed on to the target unchanged
  url: string
  requests: LoggedRequest[]
  // the requests that change something (anything but GET and HEAD)
  writes(): LoggedRequest[]
  reset(): void
  close(): Promise<void>
}

// A pass-through HTTP proxy in front of a real platform that records each request a command sends:
// how many requests a run costs, and that a dry run or an idempotent run writes nothing, seen on
// the wire rather than inside the client.
export async function startRequestLog(target: string): Promise<RequestLog> {
  const upstream = new URL(target)
  const requests: LoggedRequest[] = []
  const server = createServer((req, res) => {
    requests.push({method: req.method ?? 'GET', path: req.url ?? '/'})
    const out = forward(
      {host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: {...req.headers, host: upstream.host}},
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    out.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(out)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    reset: () => {
      requests.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
