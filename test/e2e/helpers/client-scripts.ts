// The opening lines of the scripts the services suite runs inside `addonkit run`: each service's
// ordinary client, connected from the config vars alone, as an app would.

// The text of an error a client raised, for scripts that expect a refusal.
const errorText = 'const errorText = (error) => String(error && (error.message || error.code || error))'

// Script prelude for kv: KV_URL carries the token as its user name; fetch takes it as Basic auth.
export const kvPrelude = `
const store = (value) => {
  const url = new URL(value)
  const auth = 'Basic ' + Buffer.from(decodeURIComponent(url.username) + ':').toString('base64')
  url.username = ''
  return {base: url.toString().replace(/\\/$/, ''), auth}
}
const put = async (s, key, body, auth = s.auth) => (await fetch(s.base + '/' + key, {method: 'PUT', headers: {authorization: auth}, body})).status
const get = async (s, key, auth = s.auth) => {
  const response = await fetch(s.base + '/' + key, {headers: {authorization: auth}})
  return {status: response.status, body: response.status === 200 ? await response.text() : undefined}
}
const kv = store(process.env.KV_URL)
const other = store(process.env.OTHER_KV_URL)
`

export const redisPrelude = `
${errorText}
const {Redis} = require('ioredis')
const options = {lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false}
const connect = async (target) => {
  const client = new Redis(target, options)
  // ioredis reports the server's refusal as an 'error' event, then rejects with "Connection is closed."
  let failure
  client.on('error', (error) => { failure ??= error })
  await client.connect().catch((error) => { throw failure ?? error })
  return client
}
const maxmemory = async (client) => Number(/maxmemory:(\\d+)/.exec(await client.info('memory'))[1])
`

export const postgresPrelude = `
${errorText}
const {Client} = require('pg')
const connect = async (connectionString) => {
  const client = new Client({connectionString})
  await client.connect()
  return client
}
const connectionLimit = async (db) => (await db.query('SELECT rolconnlimit FROM pg_roles WHERE rolname = current_user')).rows[0].rolconnlimit
`
