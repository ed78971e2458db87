import {parentPort} from 'node:worker_threads'
import type {Sendable} from './delivery-request.js'
import {type AttemptToSend, sendAttempts, type SendResult} from './sender.js'

// The thread that makes webhook requests (thread-sender.ts starts it): building, signing and POSTing
// attempts, and reading the answers, happen here, beside the event loop that answers API calls rather
// than on it. It is handed attempts in groups and hands back the results that come in within one
// turn of its event loop in one message.
export interface SendMessage {
  id: number
  // each attempt without its event's data, which is sent once per event (ten deliveries of a change
  // share it): copying messages between threads costs by the byte
  attempts: Array<{delivery: Omit<Sendable, 'data' | 'previous_data'>; attemptId: string}>
  events: Record<string, Pick<Sendable, 'data' | 'previous_data'>>
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

port.on('message', ({id, attempts, events, timeoutMs}: SendMessage) => {
  const whole = attempts.map(({delivery, attemptId}): AttemptToSend => ({delivery: {...delivery, ...events[delivery.event_id]}, attemptId}))
  for (const [index, sent] of sendAttempts(whole, timeoutMs).entries()) void sent.then((result) => answer(id, index, result))
})
port.postMessage({results: 'ready'} satisfies ResultsMessage)
