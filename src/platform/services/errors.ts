// The one error type services throw; the HTTP layer turns it into a `{id, message, resource?}` body.
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly resource?: string,
  ) {
    super(message)
  }
}

export const notFound = (resource: string, message: string) => new PlatformError(404, 'not_found', message, resource)
export const invalid = (message: string) => new PlatformError(422, 'invalid_params', message)
export const forbidden = (message = 'You do not have access to this resource.') => new PlatformError(403, 'forbidden', message)
export const confirmationRequired = (message: string) => new PlatformError(423, 'confirmation_required', message)

export const appNotFound = () => notFound('app', "Couldn't find that app.")
export const addonNotFound = () => notFound('add_on', "Couldn't find that add on.")
export const attachmentNotFound = () => notFound('add_on attachment', "Couldn't find that add on attachment.")
