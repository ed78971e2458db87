import {parseMicros} from './billing.js'

// How billing's figures read: money, unit prices, time and quantities, in the statement's text (the
// platform writes it, billing-statement-text.ts) and in the CLI's other billing lines. A statement
// has ten thousand add-ons, formatted by code V8 may not have optimised yet, so the usual cases are
// plain integer arithmetic, not BigInt or a number format built per call.

// Digits grouped by thousands, as en-US writes them: "1234567" → "1,234,567".
function grouped(digits: string): string {
  if (digits.length <= 3) return digits
  let text = digits.slice(0, digits.length % 3 || 3)
  for (let i = text.length; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`
  return text
}

// The decimals of a fraction (0 ≤ fraction < 10^decimals): at least two, more only when they are not
// zero: (5, 5) → "00005"; (50000, 5) → "50".
function decimalsOf(fraction: string, decimals: number): string {
  let text = fraction.padStart(decimals, '0')
  let end = text.length
  while (end > 2 && text.charCodeAt(end - 1) === 48) end--
  if (end < text.length) text = text.slice(0, end)
  return text.length < 2 ? text.padEnd(2, '0') : text
}

// An exact decimal (value × 10^-decimals, value ≥ 0) as dollars, thousands grouped: $1,234.50, $0.00837.
function dollars(value: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals)
  return `$${grouped((value / scale).toString())}.${decimalsOf((value % scale).toString(), decimals)}`
}

const MILLICENTS_PER_DOLLAR = 100_000

// Millicents (what the platform counts in) as dollars, exactly: $1.50, $0.01234.
export function formatMillicents(millicents: number): string {
  if (!Number.isSafeInteger(millicents) || millicents < 0) return millicents < 0 ? `-${formatMillicents(-millicents)}` : dollars(BigInt(millicents), 5)
  const whole = Math.floor(millicents / MILLICENTS_PER_DOLLAR)
  // the five decimals less their trailing zeros, two kept: 54310 → "5431", 50000 → "50", 7 → "00007"
  let fraction = millicents - whole * MILLICENTS_PER_DOLLAR
  let scale = MILLICENTS_PER_DOLLAR
  while (scale > 100 && fraction % 10 === 0) {
    fraction /= 10
    scale /= 10
  }
  return `$${whole < 1000 ? String(whole) : grouped(String(whole))}.${String(scale + fraction).slice(1)}`
}

// Whole cents as dollars: $12.99.
export const formatCents = (cents: number) => formatMillicents(cents * 1000)

// A price per unit in cents ("0.001") as dollars per unit: $0.00001/request. A statement repeats a
// few prices thousands of times, so each is worked out once.
const unitPrices = new Map<string, string>()
export function formatUnitPrice(centsPerUnit: string, unit: string): string {
  const key = `${centsPerUnit}/${unit}`
  let text = unitPrices.get(key)
  if (text === undefined) {
    const micros = parseMicros(centsPerUnit)
    text = `${micros === undefined ? `${centsPerUnit}¢` : dollars(micros, 8)}/${unit}`
    unitPrices.set(key, text)
  }
  return text
}

// 1,209,600 seconds → "14d"; 277,506 → "3d 5h 5m 6s"; units that are zero are left out.
export function formatDuration(seconds: number): string {
  const days = Math.floor(seconds / 86_400)
  const hours = Math.floor((seconds - days * 86_400) / 3600)
  const minutes = Math.floor((seconds - days * 86_400 - hours * 3600) / 60)
  const rest = Math.floor(seconds - days * 86_400 - hours * 3600 - minutes * 60)
  let text = days > 0 ? `${days}d` : ''
  if (hours > 0) text = text === '' ? `${hours}h` : `${text} ${hours}h`
  if (minutes > 0) text = text === '' ? `${minutes}m` : `${text} ${minutes}m`
  if (rest > 0) text = text === '' ? `${rest}s` : `${text} ${rest}s`
  return text === '' ? '0s' : text
}

let quantityFormat: Intl.NumberFormat | undefined

// A meter's quantity, as en-US writes it with up to six decimals: 1,234,567.5.
export function formatQuantity(quantity: number): string {
  if (Number.isSafeInteger(quantity) && quantity >= 0) return grouped(String(quantity))
  quantityFormat ??= new Intl.NumberFormat('en-US', {maximumFractionDigits: 6})
  return quantityFormat.format(quantity)
}
