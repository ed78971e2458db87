// Keeps a serving command (platform:start, provider:serve) running until SIGINT or SIGTERM, then
// closes what it serves and exits 0.
export async function runUntilSignal(close: () => Promise<void>): Promise<never> {
  const stop = async () => {
    await close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return new Promise<never>(() => {})
}
