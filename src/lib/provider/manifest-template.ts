import {randomBytes} from 'node:crypto'
import type {ProviderManifest} from '../../providers/kit/manifest-types.js'

export type SsoStyle = 'get' | 'post' | 'none'

// What the add-on does with the app's logs: writes to them (log_input), reads them (syslog_drain), both, or neither.
export const logStyles = ['input', 'drain', 'both', 'none'] as const
export type LogStyle = (typeof logStyles)[number]

function logRequirements(logs: LogStyle): string[] {
  return [...(logs === 'input' || logs === 'both' ? ['log_input'] : []), ...(logs === 'drain' || logs === 'both' ? ['syslog_drain'] : [])]
}

// 24 random bytes: 192 bits, well above the 128 a shared secret needs.
const secret = () => randomBytes(24).toString('base64url')

/**
 * The starting manifest `provider:init` writes: v3 shape, fresh secrets, two plans so that
 * `provider:test all` has a plan to change to. POST style SSO gives URL objects; GET style
 * (legacy) gives bare URLs under which the provider serves /heroku/resources and SSO.
 */
export function manifestTemplate(sso: SsoStyle, logs: LogStyle = 'none'): ProviderManifest {
  const id = 'myaddon'
  const environments =
    sso === 'get'
      ? {production: 'https://yourapp.example.com/', test: 'http://localhost:4567/'}
      : {
          production: {base_url: 'https://yourapp.example.com/heroku/resources', ...(sso === 'post' ? {sso_url: 'https://yourapp.example.com/sso/login'} : {})},
          test: {base_url: 'http://localhost:4567/heroku/resources', ...(sso === 'post' ? {sso_url: 'http://localhost:4567/sso/login'} : {})},
        }
  return {
    id,
    name: 'My Add-on',
    api: {
      config_vars_prefix: 'MYADDON',
      config_vars: ['MYADDON_URL'],
      password: secret(),
      ...(sso === 'none' ? {} : {sso_salt: secret()}),
      regions: ['us', 'eu'],
      requires: logRequirements(logs),
      version: '3',
      ...environments,
    },
    plans: [
      {name: 'test', human_name: 'Test', price: {cents: 0, unit: 'month'}, default: true},
      {name: 'premium', human_name: 'Premium', price: {cents: 2500, unit: 'month'}, default: false},
    ],
  }
}
