/**
 * Warnings for trouble that repeats on every tick (the platform away, a server down): each kind is
 * said once when it starts, then not again until it has cleared, so a background loop never floods
 * the log.
 */
export class OneWarning {
  private readonly current = new Set<string>()

  constructor(private readonly warn: (message: string) => void) {}

  trouble(kind: string, message: string): void {
    if (this.current.has(kind)) return
    this.current.add(kind)
    this.warn(message)
  }

  cleared(kind: string): void {
    this.current.delete(kind)
  }
}
