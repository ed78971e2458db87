import type {FastifyReply} from 'fastify'
import {formatLogLine} from '../../wire/logplex.js'
import type {NumberedLine} from './log-stream.js'

// an idle tail says it is alive this often, so proxies and clients keep the stream open
const KEEP_ALIVE_MS = 15_000

// Writes batches of lines as Server-Sent Events (`id: <line number>` / `data: <line>`) until the
// batches end, the reader leaves, or the platform stops (`closing`).
export async function streamEvents(reply: FastifyReply, lines: (signal: AbortSignal) => AsyncGenerator<NumberedLine[]>, closing: AbortSignal): Promise<void> {
  const abort = new AbortController()
  const stop = () => abort.abort()
  reply.raw.on('close', stop)
  closing.addEventListener('abort', stop)
  reply.hijack()
  reply.raw.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no'})
  reply.raw.flushHeaders()
  const keepAlive = setInterval(() => reply.raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
  try {
    for await (const batch of lines(abort.signal)) {
      let chunk = ''
      // a message may hold line breaks (CR, LF or both end an SSE line): each part is a data line,
      // which readers join with \n again
      for (const line of batch) chunk += `id: ${line.seq}\ndata: ${formatLogLine(line).replace(/\r\n|\r|\n/g, '\ndata: ')}\n\n`
      // a slow reader holds up only its own stream
      if (!reply.raw.write(chunk)) await new Promise((resolve) => reply.raw.once('drain', resolve).once('close', resolve))
      if (abort.signal.aborted) break
    }
  } finally {
    clearInterval(keepAlive)
    reply.raw.off('close', stop)
    closing.removeEventListener('abort', stop)
    reply.raw.end()
  }
}
