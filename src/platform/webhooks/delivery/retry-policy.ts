import type {WebhookDeliveryStatus, WebhookLevel} from '../../../wire/webhooks.js'

// When a delivery is tried again. Heroku keeps retrying `sync` deliveries for 72 hours; its per-attempt
// back-off is not published, so ours doubles from `backoffMs` up to an hour. Both can be shortened
// (platform:start --webhook-retry-window / --webhook-backoff) so tests see a whole cycle in seconds.
export interface RetryPolicy {
  windowMs: number
  backoffMs: number
}

export const DEFAULT_RETRY_WINDOW_MS = 72 * 60 * 60 * 1000
export const DEFAULT_BACKOFF_MS = 5000
const BACKOFF_CAP_MS = 60 * 60 * 1000

// The wait after the `failures`-th failed attempt.
export function backoffAfter(policy: RetryPolicy, failures: number): number {
  const doubled = policy.backoffMs * 2 ** Math.min(Math.max(failures - 1, 0), 30)
  return Math.min(doubled, Math.max(policy.backoffMs, BACKOFF_CAP_MS))
}

export interface AttemptFacts {
  level: WebhookLevel
  succeeded: boolean
  // the delivery's creation time: the retry window runs from it
  createdAtMs: number
  // when this attempt started, and whether it was the delivery's first
  startedAtMs: number
  firstAttempt: boolean
  finishedAtMs: number
  // the wait before the next attempt, were there one
  backoffMs: number
}

export interface AttemptVerdict {
  status: WebhookDeliveryStatus
  nextAttemptAtMs: number | null
}

// What a delivery becomes after an attempt: done when it succeeded; failed after a `notify` attempt or
// when the next `sync` attempt would fall outside the window; skipped when its first attempt came only
// after the window had ended (the platform was down) and failed: Heroku's rule for such late events
// is one attempt, then skipped.
export function afterAttempt(policy: RetryPolicy, facts: AttemptFacts): AttemptVerdict {
  if (facts.succeeded) return {status: 'succeeded', nextAttemptAtMs: null}
  if (facts.level === 'notify') return {status: 'failed', nextAttemptAtMs: null}
  const closesAt = facts.createdAtMs + policy.windowMs
  if (facts.firstAttempt && facts.startedAtMs >= closesAt) return {status: 'skipped', nextAttemptAtMs: null}
  const next = facts.finishedAtMs + facts.backoffMs
  if (next > closesAt) return {status: 'failed', nextAttemptAtMs: null}
  return {status: 'scheduled', nextAttemptAtMs: next}
}
