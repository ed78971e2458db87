import {parentPort} from 'node:worker_threads'
import {type AttemptToSend, sendAttempts, type SendResult} from './sender.js'

// The thread that makes webhook requests (thread-sender.ts starts it): building, signing and POSTing
// attempts, and reading the answers, happen here, beside the event loop that answers API calls rather
// than on it. It is handed attempts in groups and hands back the results that come in within one
// turn of its event loop in one message.
export interface SendMessage {
  id: number
  attempts: AttemptToSend[]
  timeoutMs: number
}

export interface ResultsMessage {
  // 'ready': the thread has loaded and takes attempts from now on
  results: Array<{id: number; index: number; result: SendResult}> | 'ready'
}

const port = parentPort!
let ready: Array<{id: number; index: number; result: SendResult}> = []

function answer(id: number, index: number, result: SendResult): void {
  if (ready.length === 0) {
    setImmediate(() => {
      port.postMessage({results: ready} satisfies ResultsMessage)
      ready = []
    })
  }
  ready.push({id, index, result})
}

port.on('message', ({id, attempts, timeoutMs}: SendMessage) => {
  for (const [index, sent] of sendAttempts(attempts, timeoutMs).entries()) void sent.then((result) => answer(id, index, result))
})
port.postMessage({results: 'ready'} satisfies ResultsMessage)
