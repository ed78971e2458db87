// The Platform API as one account, straight through fetch: for tests that run a platform in this
// process and check its state with no client of ours in between.
export function platformFetch(baseUrl: string, apiKey: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {authorization: `Bearer ${apiKey}`, accept: 'application/vnd.heroku+json; version=3', 'content-type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

// The answer's status and JSON body, whatever the status.
export async function platformJson<T>(baseUrl: string, apiKey: string, method: string, path: string, body?: unknown): Promise<{status: number; body: T}> {
  const response = await platformFetch(baseUrl, apiKey, method, path, body)
  return {status: response.status, body: (await response.json()) as T}
}
