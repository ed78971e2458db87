import type {Price} from '../api/types.js'
import {formatPrice} from './price.js'

// How a priced action ends: `done, ($3/month)`, or `done` when the platform sent no price.
export function doneWithPrice(price: Price | null | undefined): string {
  const text = formatPrice(price)
  return text ? `done, (${text})` : 'done'
}
