/**
 * Money, exactly. Amounts are whole millicents (1/1000 of a cent); no floating point touches them.
 *
 * The rounding rule (README, "What add-ons cost"): each line of a bill is computed as an exact
 * fraction and rounded once, half up, to a whole millicent:
 * - a plan for a stretch of time: monthly price × seconds on the plan ÷ seconds in the month;
 * - a meter for the month: quantity × price per unit.
 * Totals are sums of rounded lines (so a bill always adds up), and an invoice's `charges_total`, in
 * whole cents, is the month's total rounded half up to a cent (toCents, src/wire/billing.ts).
 *
 * invoice-totals.ts computes the same fixed-price lines in SQL with the same integer arithmetic; the two
 * must stay in step (test/platform/billing/money.test.ts holds them together).
 */

const MILLICENTS_PER_CENT = 1000n
const MICROS = 1_000_000n
// quantity micro-units × micro-cents per unit = 10^-12 cents; a millicent is 10^-3 cents
const METER_DIVISOR = 1_000_000_000n

// a / b rounded half up, for a ≥ 0 and b > 0: adding floor(b / 2) first carries exactly the
// remainders of at least half of b over to the next whole number (odd b included)
function divideHalfUp(a: bigint, b: bigint): bigint {
  return (a + b / 2n) / b
}

/**
 * The prorated cost of `seconds` on a plan priced `priceCents` a month, in a month of `monthSeconds`
 * seconds, in millicents, rounded half up. `monthSeconds` is a whole number of days (even), so half
 * of it is exact.
 */
export function prorate(priceCents: number, seconds: number, monthSeconds: number): number {
  if (seconds <= 0 || priceCents <= 0) return 0
  const numerator = priceCents * 1000 * seconds + monthSeconds / 2
  // the usual case, in doubles: every value here is an integer below 2^53, so exact; the quotient's
  // floor is corrected by its remainder (a double division may round up across a whole number)
  if (Number.isSafeInteger(numerator)) {
    let whole = Math.floor(numerator / monthSeconds)
    if (whole * monthSeconds > numerator) whole -= 1
    else if ((whole + 1) * monthSeconds <= numerator) whole += 1
    return whole
  }
  return Number(divideHalfUp(BigInt(priceCents) * MILLICENTS_PER_CENT * BigInt(seconds), BigInt(monthSeconds)))
}

// quantity (millionths of a unit) × price (millionths of a cent per unit), in millicents, rounded half up.
export function meterCost(quantityMicros: bigint, microcentsPerUnit: bigint): number {
  if (quantityMicros <= 0n || microcentsPerUnit <= 0n) return 0
  return Number(divideHalfUp(quantityMicros * microcentsPerUnit, METER_DIVISOR))
}

// A quantity as a JSON number (an approximation for display; sums stay in millionths).
export function microsToNumber(micros: bigint): number {
  return Number(micros / MICROS) + Number(micros % MICROS) / 1_000_000
}
