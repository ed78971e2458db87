// Cuts what a command prints into lines for the app's log: at each newline (a `\r` before it
// dropped), and a line longer than a log line may be in pieces of at most `maxBytes`, cut between
// characters. Bytes are kept until their line is complete, so a character split across two
// chunks comes out whole.
export class LineSplitter {
  private pending: Buffer[] = []
  private pendingBytes = 0

  constructor(private readonly onLine: (line: string) => void, private readonly maxBytes = 10_000) {}

  push(chunk: Buffer): void {
    let start = 0
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      this.keep(chunk.subarray(start, nl))
      this.emit(true)
      start = nl + 1
    }
    if (start < chunk.length) this.keep(chunk.subarray(start))
  }

  // what is left when the command has ended: a last line without its newline
  end(): void {
    if (this.pendingBytes > 0) this.emit(true)
  }

  private keep(part: Buffer): void {
    if (part.length === 0) return
    this.pending.push(part)
    this.pendingBytes += part.length
    while (this.pendingBytes > this.maxBytes) this.emit(false)
  }

  // whole: the line is complete; otherwise the first maxBytes (or fewer, to end on a character)
  private emit(whole: boolean): void {
    let line = Buffer.concat(this.pending, this.pendingBytes)
    let rest = Buffer.alloc(0)
    if (!whole) {
      let cut = this.maxBytes
      // never inside a UTF-8 sequence (continuation bytes are 10xxxxxx)
      while (cut > 0 && (line[cut] & 0xc0) === 0x80) cut--
      if (cut === 0) cut = this.maxBytes
      rest = line.subarray(cut)
      line = line.subarray(0, cut)
    } else if (line.at(-1) === 0x0d) {
      line = line.subarray(0, -1)
    }
    this.pending = rest.length > 0 ? [rest] : []
    this.pendingBytes = rest.length
    this.onLine(line.toString('utf8'))
  }
}
