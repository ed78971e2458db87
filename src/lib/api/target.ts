import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {type PlatformState, platformStatePath} from '../paths.js'

const require = createRequire(import.meta.url)

export const HEROKU_API_URL = 'https://api.heroku.com'

export interface ApiTarget {
  url: string
  token?: string
  // where the token came from, for error messages
  source: 'env' | 'platform' | 'netrc' | 'none'
}

function readPlatformState(): PlatformState | undefined {
  try {
    return JSON.parse(readFileSync(platformStatePath(), 'utf8')) as PlatformState
  } catch {
    return undefined
  }
}

function netrcToken(host: string): string | undefined {
  try {
    // netrc-parser is CommonJS and only needed when no other source gave a token
    const {Netrc} = require('netrc-parser') as typeof import('netrc-parser')
    const netrc = new Netrc(process.env.NETRC)
    netrc.loadSync()
    return netrc.machines[host]?.password
  } catch {
    return undefined
  }
}

// The platform to talk to: ADDONKIT_API_URL, else the local platform once started, else Heroku.
// The token: ADDONKIT_API_KEY, else the local platform's key, else the netrc entry for the host.
export function resolveTarget(env = process.env): ApiTarget {
  const state = readPlatformState()
  const url = (env.ADDONKIT_API_URL || state?.url || HEROKU_API_URL).replace(/\/+$/, '')
  if (env.ADDONKIT_API_KEY) return {url, token: env.ADDONKIT_API_KEY, source: 'env'}
  if (state && state.url.replace(/\/+$/, '') === url) return {url, token: state.api_key, source: 'platform'}
  const host = new URL(url).hostname
  const token = netrcToken(host)
  return token ? {url, token, source: 'netrc'} : {url, source: 'none'}
}
