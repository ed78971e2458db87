import {randomBytes, randomUUID} from 'node:crypto'
import {UsageError} from '../errors.js'
import type {ProvisionBody} from '../../providers/kit/protocol.js'

export type {ProvisionBody}

// Where the provision request sends an asynchronous provider back to: the checker's stand-in for
// the platform's partner API (partner-api-stand-in.ts).
export interface CallbackTarget {
  callbackUrl(uuid: string): string
  grant(uuid: string, now: number): ProvisionBody['oauth_grant']
}

// Where a provider that requires log_input writes: the checker's Logplex stand-in (log-input-stand-in.ts).
export interface LogInputTarget {
  inputUrl(): string
}

// The v3 provision request, its callback_url and OAuth grant those of the partner API stand-in. As
// the platform does, it carries a log_input_url only when the manifest requires log_input, and a
// log_drain_token when it requires syslog_drain.
export function provisionBody(fields: {
  addonId: string
  plan: string
  region: string
  options: Record<string, string>
  now: number
  uuid?: string
  platform: CallbackTarget
  requires?: string[]
  logs?: LogInputTarget
}): ProvisionBody {
  const uuid = fields.uuid ?? randomUUID()
  const requires = fields.requires ?? []
  return {
    uuid,
    name: `${fields.addonId}-check-${randomBytes(3).toString('hex')}`,
    plan: fields.plan,
    region: fields.region,
    callback_url: fields.platform.callbackUrl(uuid),
    oauth_grant: fields.platform.grant(uuid, fields.now),
    options: fields.options,
    log_input_url: requires.includes('log_input') ? (fields.logs?.inputUrl() ?? null) : null,
    ...(requires.includes('syslog_drain') ? {log_drain_token: `d.${randomUUID()}`} : {}),
  }
}

// KEY=VALUE words become provision options, as `addons:create ... -- --key value` would send them.
export function parseProvisionOptions(words: string[]): Record<string, string> {
  const options: Record<string, string> = {}
  for (const word of words) {
    const equals = word.indexOf('=')
    if (equals <= 0) throw new UsageError(`${word} is not an option: use KEY=VALUE`)
    options[word.slice(0, equals)] = word.slice(equals + 1)
  }
  return options
}
