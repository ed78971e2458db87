// The provider said no (4xx, 503): its message goes to the user unchanged and nothing was created.
export class ProviderRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

// Anything else (time-out, 5xx, bad JSON, undeclared vars): the provider may have created a
// resource, so the caller must clean up with a DELETE unless `reached` is false.
export class ProviderFailed extends Error {
  constructor(message: string, readonly reached: boolean, readonly providerId?: string) {
    super(message)
  }
}
