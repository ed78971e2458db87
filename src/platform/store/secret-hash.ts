import {createHash} from 'node:crypto'

// API keys, partner tokens and OAuth codes are kept only as their SHA-256 (hex), so a copy of the
// store (a backup, a PostgreSQL dump) holds no working credential. The platform's own keys, tokens
// and codes are random (at least 122 bits), which one unsalted hash protects well; a key chosen by
// hand with `--account EMAIL:KEY` is only as strong as its owner made it.
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}
