import {Args, Flags} from '@oclif/core'
import {UsageError} from '../errors.js'

// apps:info and apps:destroy take the app as an argument or as --app, as the heroku CLI does.
export const appArg = Args.string({description: 'app name (or use --app)'})

export const appOption = Flags.string({char: 'a', description: 'app name (instead of the APP argument)', env: 'ADDONKIT_APP'})

export function pickApp(fromArg: string | undefined, fromFlag: string | undefined): string {
  const app = fromArg ?? fromFlag
  if (!app) throw new UsageError('Name the app: pass APP or --app APP.')
  return app
}
