import assert from 'node:assert/strict'
import type {Got} from 'got'

// Writes lines to an app's stream as `addonkit run` does: a one-off process name, then its output
// (at most 1,500 lines a request). Returns the process name (`run.N`).
export async function startProcess(api: Got, app: string): Promise<string> {
  const started = await api.post<{name: string}>(`apps/${app}/dynos`, {json: {command: 'worker'}})
  assert.equal(started.statusCode, 201, JSON.stringify(started.body))
  return started.body.name
}

export async function writeLines(api: Got, app: string, process: string, messages: string[], time?: string): Promise<void> {
  for (let i = 0; i < messages.length; i += 1500) {
    const lines = messages.slice(i, i + 1500).map((message) => ({message, ...(time === undefined ? {} : {time})}))
    const written = await api.post(`apps/${app}/log-lines`, {json: {process, lines}})
    assert.equal(written.statusCode, 204, JSON.stringify(written.body))
  }
}

export async function addDrain(api: Got, app: string, url: string): Promise<{id: string; token: string; url: string; created_at: string}> {
  const added = await api.post<any>(`apps/${app}/log-drains`, {json: {url}})
  assert.equal(added.statusCode, 201, JSON.stringify(added.body))
  return added.body
}
