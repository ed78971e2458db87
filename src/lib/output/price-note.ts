import type {Price} from '../api/types.js'
import {formatPrice} from './price.js'

// `($3/month)` as shown after "done, "; empty when the platform sent no price.
export function formatPriceNote(price: Price | null | undefined): string {
  const text = formatPrice(price)
  return text ? `(${text})` : ''
}
