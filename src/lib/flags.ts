import {Flags} from '@oclif/core'

// The flags most commands share, described once.
export const appFlag = Flags.string({
  char: 'a',
  description: 'app to run the command against',
  env: 'ADDONKIT_APP',
  required: true,
})

export const confirmFlag = Flags.string({
  description: 'skip the prompt by giving the app name again (for scripts)',
})
