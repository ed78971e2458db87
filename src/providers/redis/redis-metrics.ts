import {adminClient} from './redis-process.js'

// `INFO` fields, `name:value` a line.
function infoField(info: string, name: string): number {
  const value = new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1]
  if (value === undefined) throw new Error(`redis-server's INFO has no ${name}`)
  return Number(value)
}

/**
 * The metrics line of one redis add-on, read from its server: memory in use (bytes, as Heroku's
 * `sample#…=<n>bytes`) and the customers' connections. Throws when the server cannot be asked.
 */
export async function redisMetricsLine(port: number, adminPassword: string): Promise<string> {
  const admin = adminClient(port, adminPassword)
  admin.on('error', () => {})
  try {
    await admin.connect()
    const memory = infoField(await admin.info('memory'), 'used_memory')
    // INFO counts the connection asking: it is ours, not a customer's
    const clients = Math.max(0, infoField(await admin.info('clients'), 'connected_clients') - 1)
    return `source=REDIS sample#memory-used=${memory}bytes sample#connected-clients=${clients}`
  } finally {
    admin.disconnect()
  }
}
