// What became of one try at a batch: delivered; refused for good (a 4xx other than 429: the batch
// is dropped); or failed in a way another try may cure (5xx, 429, time-out, no connection).
export type SendOutcome = {result: 'delivered'} | {result: 'refused'; reason: string} | {result: 'failed'; reason: string}

export const DELIVERED: SendOutcome = {result: 'delivered'}

// Logplex: connect within 3 s, the whole request within 5 s.
export const CONNECT_TIMEOUT_MS = 3000
export const REQUEST_TIMEOUT_MS = 5000
