import {UsageError} from '../errors.js'
import type {ConformanceTarget} from './conformance/suite.js'
import {parseProvisionOptions} from './provision-body.js'

export const testKinds = ['provision', 'deprovision', 'planchange', 'sso', 'all'] as const

const usage: Record<(typeof testKinds)[number], string> = {
  provision: 'provision [KEY=VALUE...]',
  deprovision: 'deprovision ID',
  planchange: 'planchange ID PLAN',
  sso: 'sso ID',
  all: 'all [KEY=VALUE...]',
}

/**
 * `provider:test` words: what to check, its ids, and for provision/all the KEY=VALUE options
 * sent in the provision body (what a user passes after `--` to addons:create).
 */
export function parseTestTarget(words: string[]): {target: ConformanceTarget; options: Record<string, string>} {
  const [kind = 'all', ...rest] = words
  const positional = (count: number) => {
    if (rest.length !== count) throw new UsageError(`usage: provider:test ${usage[kind as keyof typeof usage]}`)
    return rest
  }
  switch (kind) {
    case 'provision':
    case 'all':
      return {target: {kind}, options: parseProvisionOptions(rest)}
    case 'deprovision':
    case 'sso': {
      const [id] = positional(1)
      return {target: {kind, id}, options: {}}
    }
    case 'planchange': {
      const [id, plan] = positional(2)
      return {target: {kind, id, plan}, options: {}}
    }
    default:
      throw new UsageError(`unknown check "${kind}": use ${testKinds.join(', ')}`)
  }
}
