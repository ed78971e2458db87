import {invalid} from '../services/errors.js'

// Billing months are calendar months in UTC, counted in whole seconds since the epoch.
export interface Month {
  // "2024-02"
  key: string
  year: number
  // 1..12
  month: number
  // the month's first second, and the first second of the next month
  startS: number
  endS: number
}

export const DAY_S = 86_400

export function monthOf(year: number, month: number): Month {
  const startS = Date.UTC(year, month - 1, 1) / 1000
  const endS = Date.UTC(year, month, 1) / 1000
  return {key: `${year}-${String(month).padStart(2, '0')}`, year, month, startS, endS}
}

// The month a second falls in.
export function monthAt(seconds: number): Month {
  const date = new Date(seconds * 1000)
  return monthOf(date.getUTCFullYear(), date.getUTCMonth() + 1)
}

export const monthSeconds = (month: Month) => month.endS - month.startS

export const nextMonth = (month: Month) => (month.month === 12 ? monthOf(month.year + 1, 1) : monthOf(month.year, month.month + 1))

// "2024-02" as typed by a user (`billing --month`) or in a URL; a bad one is a 422 naming the form.
export function parseMonth(text: string): Month {
  const match = /^(\d{4})-(\d{2})$/.exec(text)
  const month = match ? Number(match[2]) : 0
  if (!match || month < 1 || month > 12) throw invalid(`Month "${text}" is not a month: use YYYY-MM, e.g. 2024-02.`)
  return monthOf(Number(match[1]), month)
}

// Heroku's invoice numbers are human readable integers: here the month, 202402.
export const invoiceNumber = (month: Month) => month.year * 100 + month.month

export function monthOfInvoiceNumber(value: string): Month | undefined {
  if (!/^\d{6}$/.test(value)) return undefined
  const number = Number(value)
  const month = number % 100
  return month >= 1 && month <= 12 ? monthOf(Math.floor(number / 100), month) : undefined
}

export const isoAt = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')

// The invoice's MM/DD/YYYY of a month's first and last day.
export function invoiceDay(seconds: number): string {
  const date = new Date(seconds * 1000)
  return `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCDate()).padStart(2, '0')}/${date.getUTCFullYear()}`
}
