// The part of tar-stream (2.x, no type declarations of its own) that app-setup source tarballs use:
// reading entries one by one (the platform) and writing a one-file tarball (the CLI).
declare module 'tar-stream' {
  import type {Readable, Writable} from 'node:stream'

  export interface Headers {
    name: string
    size?: number
    mode?: number
    mtime?: Date
    type?: 'file' | 'link' | 'symlink' | 'directory' | 'character-device' | 'block-device' | 'fifo' | 'contiguous-file' | 'pax-header' | 'pax-global-header' | 'gnu-long-link-path' | 'gnu-long-path' | null
  }

  export interface Extract extends Writable {
    on(event: 'entry', listener: (headers: Headers, stream: Readable, next: (error?: Error) => void) => void): this
    on(event: 'finish' | 'close', listener: () => void): this
    on(event: 'error', listener: (error: Error) => void): this
    destroy(error?: Error): this
  }

  export interface Pack extends Readable {
    entry(headers: Headers, buffer?: Buffer | string, callback?: (error?: Error) => void): Writable
    finalize(): void
  }

  export function extract(): Extract
  export function pack(): Pack
}
