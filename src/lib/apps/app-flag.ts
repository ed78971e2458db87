import {Flags} from '@oclif/core'

// --app for commands where the app is optional: an add-on's global name or APP::ALIAS needs no app.
export const optionalAppFlag = Flags.string({
  char: 'a',
  description: 'app the add-on is attached to (lets you name it by its alias)',
  env: 'ADDONKIT_APP',
})
