// The part of respawn (a process monitor without type declarations of its own) the redis provider uses.
declare module 'respawn' {
  import type {EventEmitter} from 'node:events'

  export interface RespawnOptions {
    stdio?: 'ignore' | 'inherit' | 'pipe'
    // -1: restart forever
    maxRestarts?: number
    // milliseconds to wait before restart number `restarts` (1-based, counted per minute)
    sleep?: number | number[] | ((restarts: number) => number)
    // milliseconds between SIGTERM and SIGKILL on stop
    kill?: number | false
  }

  export interface Monitor extends EventEmitter {
    status: 'running' | 'stopping' | 'stopped' | 'crashed' | 'sleeping'
    pid: number
    start(): void
    stop(callback?: () => void): void
    on(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this
    on(event: 'warn', listener: (error: Error) => void): this
    on(event: 'crash' | 'stop' | 'start' | 'sleep', listener: () => void): this
  }

  function respawn(command: string[], options?: RespawnOptions): Monitor
  export default respawn
}
