import {invalid} from '../services/errors.js'

// Bodies name things as "x", {"name": "x"} or {"id": "x"}; the schema below accepts all three.
export const identitySchema = {
  anyOf: [
    {type: 'string', minLength: 1},
    {type: 'object', properties: {id: {type: 'string'}, name: {type: 'string'}}, minProperties: 1},
  ],
} as const

export type Identity = string | {id?: string; name?: string}

export function ref(value: Identity, field: string): string
export function ref(value: Identity | null | undefined, field: string): string | undefined
export function ref(value: Identity | null | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  const id = value.id ?? value.name
  if (typeof id !== 'string' || id === '') throw invalid(`${field} must be a name, an id, or an object with "id" or "name".`)
  return id
}
