// Thrown by a provider's handlers to refuse a request with a status and a message the user sees.
// Anything else thrown becomes a 500 whose details stay in the log, never in the answer.
export class ProviderError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
    this.name = 'ProviderError'
  }
}

export function unprocessable(message: string): ProviderError {
  return new ProviderError(422, message)
}

export function unavailable(message: string): ProviderError {
  return new ProviderError(503, message)
}
