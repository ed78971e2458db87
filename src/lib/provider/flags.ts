import {Flags} from '@oclif/core'
import {defaultManifestPath} from './manifest-file.js'

// The flags the provider:* commands share, described once.
export const manifestFlag = Flags.string({
  char: 'm',
  description: 'path of the add-on manifest',
  default: defaultManifestPath,
})

export const testPlanFlag = Flags.string({
  char: 'p',
  description: 'plan to provision (provision) or to change to (all; default: the first non-default plan)',
})
