import {Flags} from '@oclif/core'
import {WEBHOOK_DELIVERY_STATUSES, WEBHOOK_LEVELS} from '../../wire/webhooks.js'

// The flags webhooks:add (include, level and url required) and webhooks:update (any) share, with
// the heroku CLI's letters.
export function webhookFlags(required: boolean) {
  return {
    include: Flags.string({char: 'i', required, description: 'comma-separated entities to hear: api:app, api:addon, api:addon-attachment, api:release, api:domain'}),
    level: Flags.string({char: 'l', required, description: 'notify: one attempt; sync: retried until the receiver answers 2xx or the retry window ends', options: [...WEBHOOK_LEVELS]}),
    url: Flags.string({char: 'u', required, description: 'http(s) URL the deliveries are POSTed to'}),
    secret: Flags.string({char: 's', description: 'key each delivery is signed with (Heroku-Webhook-Hmac-SHA256); generated when omitted'}),
    authorization: Flags.string({char: 't', description: 'Authorization header value sent with each delivery'}),
  }
}

export const deliveryStatusFlag = Flags.string({char: 's', description: 'only deliveries with this status', options: [...WEBHOOK_DELIVERY_STATUSES]})
