import {readFileSync} from 'node:fs'
import got from 'got'
import {LOGPLEX_CONTENT_TYPE} from '../../../wire/logplex.js'
import type {DrainBatch} from './delivery-batch.js'
import {CONNECT_TIMEOUT_MS, DELIVERED, REQUEST_TIMEOUT_MS, type SendOutcome} from './send-outcome.js'

// Logplex sends `Logplex/<version>`; receivers that look at it see who delivers.
export const DRAIN_USER_AGENT = `addonkit-logplex/${packageVersion()}`

// Tries are counted by the delivery (the job queue retries): got itself never retries or follows
// a redirect, and any status is an answer to judge, not an exception.
const http = got.extend({
  retry: {limit: 0},
  throwHttpErrors: false,
  followRedirect: false,
  timeout: {connect: CONNECT_TIMEOUT_MS, request: REQUEST_TIMEOUT_MS},
  responseType: 'text',
})

// One POST of a batch in Logplex's HTTPS drain format.
export async function postBatch(target: {url: string; authorization?: string}, token: string, batch: DrainBatch): Promise<SendOutcome> {
  try {
    const response = await http.post(target.url, {
      body: batch.body,
      headers: {
        'content-type': LOGPLEX_CONTENT_TYPE,
        'logplex-msg-count': String(batch.count),
        'logplex-frame-id': batch.frameId,
        'logplex-drain-token': token,
        'user-agent': DRAIN_USER_AGENT,
        ...(target.authorization ? {authorization: target.authorization} : {}),
      },
    })
    const status = response.statusCode
    if (status >= 200 && status < 300) return DELIVERED
    if (status >= 400 && status < 500 && status !== 429) return {result: 'refused', reason: `HTTP ${status}`}
    return {result: 'failed', reason: `HTTP ${status}`}
  } catch (error) {
    return {result: 'failed', reason: (error as {code?: string}).code ?? (error as Error).message}
  }
}

function packageVersion(): string {
  try {
    return String(JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')).version)
  } catch {
    return '0'
  }
}
