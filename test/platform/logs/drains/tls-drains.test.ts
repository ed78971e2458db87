import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer as createHttpsServer, type Server as HttpsServer} from 'node:https'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createServer as createTlsServer, type Server as TlsServer} from 'node:tls'
import {after, before, describe, test} from 'node:test'
import {parseDrainBody} from '../../../../src/wire/logplex.js'
import {ROOT} from '../../../helpers/cli.js'
import {client, eventually, OWNER} from '../../helpers.js'
import {startLogProvider, type LogProvider} from '../log-provider.js'
import {addDrain, startProcess, writeLines} from './lines.js'

// https:// and syslog+tls:// drains, to receivers with a certificate the platform trusts. Node
// trusts extra certificates only from NODE_EXTRA_CA_CERTS at start-up, so the platform runs as a
// child process (test/fixtures/providers/run-platform.ts).
const TLS_DIR = join(ROOT, 'test', 'fixtures', 'tls')
const tls = {key: readFileSync(join(TLS_DIR, 'provider-key.pem')), cert: readFileSync(join(TLS_DIR, 'provider-cert.pem'))}

describe('log drains over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'addonkit-tls-drains-'))
  let provider: LogProvider
  let platform: ChildProcess
  let api: ReturnType<typeof client>
  let https: HttpsServer
  let syslog: TlsServer
  const posts: Array<{headers: Record<string, unknown>; body: string}> = []
  const syslogBodies: string[] = []

  before(async () => {
    https = createHttpsServer(tls, (request, response) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => {
        posts.push({headers: request.headers, body: Buffer.concat(chunks).toString('utf8')})
        response.writeHead(204).end()
      })
    })
    syslog = createTlsServer(tls, (socket) => {
      const chunks: Buffer[] = []
      socket.on('data', (chunk: Buffer) => chunks.push(chunk))
      socket.on('end', () => {
        syslogBodies.push(Buffer.concat(chunks).toString('utf8'))
        socket.end()
      })
      socket.on('error', () => {})
    })
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve))
    await new Promise<void>((resolve) => syslog.listen(0, '127.0.0.1', resolve))
    provider = await startLogProvider()
    const manifestFile = join(dir, 'manifest.json')
    writeFileSync(manifestFile, JSON.stringify(provider.manifest))
    platform = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/providers/run-platform.ts', join(dir, 'data'), manifestFile, ''], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, NODE_EXTRA_CA_CERTS: join(TLS_DIR, 'provider-cert.pem')},
    })
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      platform.stdout!.on('data', (chunk) => {
        out += chunk
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]).url)
      })
      platform.once('exit', (code) => reject(new Error(`the platform exited with ${code}`)))
    })
    api = client(url, OWNER.apiKey)
    assert.equal((await api.post('apps', {json: {name: 'tls-drained'}})).statusCode, 201)
  })
  after(async () => {
    platform?.kill('SIGKILL')
    https?.closeAllConnections()
    await new Promise((resolve) => https?.close(resolve))
    await new Promise((resolve) => syslog?.close(resolve))
    await provider?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  test('an https:// drain and a syslog+tls:// drain each get the line', async () => {
    const port = (server: HttpsServer | TlsServer) => (server.address() as {port: number}).port
    const process = await startProcess(api, 'tls-drained')
    await addDrain(api, 'tls-drained', `https://127.0.0.1:${port(https)}/secure`)
    const tlsDrain = await addDrain(api, 'tls-drained', `syslog+tls://127.0.0.1:${port(syslog)}`)
    await writeLines(api, 'tls-drained', process, ['over TLS'])
    await eventually(() => posts.length > 0 && syslogBodies.length > 0, 'both drains got a delivery', 400)
    assert.deepEqual(parseDrainBody(Buffer.from(posts[0].body)).map((m) => [m.host, m.source, m.message]), [['host', 'app', 'over TLS']])
    assert.equal(posts[0].headers['content-type'], 'application/logplex-1')
    assert.deepEqual(parseDrainBody(Buffer.from(syslogBodies.join('')), 'syslog').map((m) => [m.host, m.source, m.message]), [[tlsDrain.token, 'app', 'over TLS']])
  })
})
