import type {Price} from '../api/types.js'

// `$3/month`, `$2.50/month`, `free`, `contract`, `metered`: the seed's price column.
export function formatPrice(price: Price | null | undefined): string {
  if (!price) return ''
  if (price.contract) return 'contract'
  if (price.metered) return 'metered'
  if (price.cents === 0) return 'free'
  const dollars = price.cents % 100 === 0 ? String(price.cents / 100) : (price.cents / 100).toFixed(2)
  return `$${dollars}/${price.unit || 'month'}`
}
