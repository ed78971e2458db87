import {ux} from '@oclif/core'
import type {Deps} from '../deps.js'
import {isApiError, type ApiError} from '../errors.js'
import {confirmApp} from '../prompts/confirm-app.js'

const warn = (line: string) => ux.stderr(line)

// Asks the type-the-app-name question in the middle of a progress line, as the seed shows: the line
// ends, the warnings and `>` follow, and the line is drawn again once the user has agreed.
export async function confirmDuringAction(deps: Deps, app: string, warnings: string[]): Promise<void> {
  // off a TTY confirmApp fails at once without writing: the line ends in "!" like any failure
  if (!ux.action.running || !deps.isTTY) return confirmApp(deps, {app, warnings, write: warn})
  let refusal: unknown
  await ux.action.pauseAsync(async () => {
    try {
      await confirmApp(deps, {app, warnings, write: warn})
    } catch (error) {
      refusal = error
      // drop the paused line so it is neither redrawn nor closed with "!" under the answer
      ux.action.task = undefined
    }
  })
  if (refusal) throw refusal
}

export interface ConfirmedRequest<T> {
  app: string
  // the value of --confirm; checked against the app before anything is sent
  confirm?: string
  send(confirm?: string): Promise<T>
  // the lines shown above the prompt when the platform asks for confirmation
  warnings(refusal: ApiError): Promise<string[]> | string[]
}

// Sends a change the platform may refuse with `confirmation_required` (nothing changed yet):
// then warns, asks (or honours --confirm), and sends it again carrying `confirm: APP`.
export async function sendConfirmed<T>(deps: Deps, request: ConfirmedRequest<T>): Promise<T> {
  const {app, confirm} = request
  if (confirm !== undefined) await confirmApp(deps, {app, confirm, warnings: [], write: warn})
  try {
    return await request.send(confirm)
  } catch (error) {
    if (!isApiError(error, 'confirmation_required') || confirm !== undefined) throw error
    await confirmDuringAction(deps, app, await request.warnings(error))
    return request.send(app)
  }
}
