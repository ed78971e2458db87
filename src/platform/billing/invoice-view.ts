import {createHash} from 'node:crypto'
import {INVOICE_CLOSED, INVOICE_PENDING, toCents, type Invoice} from '../../wire/billing.js'
import {invoiceDay, invoiceNumber, isoAt, type Month} from './months.js'

// Invoices are not stored: a month's is computed from the account's periods and usage whenever it is
// read. Its id is derived from the account and the month, so it is the same on every read.
function invoiceId(accountId: string, month: Month): string {
  const hex = createHash('sha256').update(`invoice\u0000${accountId}\u0000${month.key}`).digest('hex')
  // shaped as a version-4 UUID (the schema's format), its bits otherwise from the hash
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

// Heroku's invoice of `month`: pending until the month is over, then closed; totals in whole cents.
export function invoiceView(accountId: string, month: Month, chargesMillicents: number, asOfS: number): Invoice {
  const closed = asOfS >= month.endS
  const charges = toCents(chargesMillicents)
  return {
    id: invoiceId(accountId, month),
    number: invoiceNumber(month),
    period_start: invoiceDay(month.startS),
    period_end: invoiceDay(month.endS - 1),
    charges_total: charges,
    credits_total: 0,
    total: charges,
    state: closed ? INVOICE_CLOSED : INVOICE_PENDING,
    created_at: isoAt(month.startS),
    updated_at: isoAt(Math.min(asOfS, month.endS)),
  }
}
