import {randomUUID} from 'node:crypto'

// An id no provider has handed out: auth must be refused before the id is even looked up.
export function unknownResourceId(): string {
  return randomUUID()
}
