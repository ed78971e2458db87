// Every failure a user can see is one of these: one line of text and a documented exit code.

export const ExitCode = {
  ok: 0,
  error: 1, // the platform or a provider refused, or anything unexpected
  usage: 2, // bad flags or arguments, a prompt answered wrongly, confirmation needed off a TTY
  notFound: 3, // app, add-on, attachment or plan does not exist
  auth: 4, // not authenticated (401) or not allowed (403)
  unreachable: 5, // the platform could not be reached or timed out
} as const

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

export class AddonkitError extends Error {
  constructor(message: string, readonly exitCode: ExitCodeValue = ExitCode.error) {
    super(message)
    this.name = 'AddonkitError'
  }
}

export class UsageError extends AddonkitError {
  constructor(message: string) {
    super(message, ExitCode.usage)
    this.name = 'UsageError'
  }
}

export class NotFoundError extends AddonkitError {
  constructor(message: string) {
    super(message, ExitCode.notFound)
    this.name = 'NotFoundError'
  }
}

// A Platform API error answer: `{id, message}` plus the HTTP status.
export class ApiError extends AddonkitError {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message, exitCodeForStatus(status))
    this.name = 'ApiError'
  }

  get resource(): string | undefined {
    return typeof this.body.resource === 'string' ? this.body.resource : undefined
  }
}

export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403) return ExitCode.auth
  if (status === 404) return ExitCode.notFound
  return ExitCode.error
}

export function isApiError(err: unknown, id?: string): err is ApiError {
  return err instanceof ApiError && (id === undefined || err.id === id)
}
