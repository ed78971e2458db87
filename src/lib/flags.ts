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

// --app for commands where the app is optional: an add-on's global name or APP::ALIAS needs no app.
export const optionalAppFlag = Flags.string({
  char: 'a',
  description: 'app the add-on is attached to (lets you name it by its alias)',
  env: 'ADDONKIT_APP',
})
