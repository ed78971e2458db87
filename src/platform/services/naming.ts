import {randomInt} from 'node:crypto'

// Geometry words, as in real add-on names ("postgresql-concave-52656").
const ADJECTIVES = [
  'angular', 'concave', 'contoured', 'convex', 'corrugated', 'cubic', 'curved', 'cylindrical', 'elliptical',
  'flat', 'fluted', 'globular', 'octagonal', 'opaque', 'parallel', 'perpendicular', 'polished', 'rectangular',
  'reticulated', 'round', 'shaped', 'silhouetted', 'sinuous', 'slippery', 'solid', 'spherical', 'square',
  'symmetrical', 'tapered', 'transparent', 'triangular', 'vertical',
]

// Fixed palette for generated aliases (HEROKU_REDIS_ROSE); the first colour unused on the app wins.
export const ALIAS_COLOURS = [
  'ROSE', 'AQUA', 'OLIVE', 'CRIMSON', 'COBALT', 'GOLD', 'SILVER', 'TEAL', 'AMBER', 'MAUVE', 'PURPLE', 'ORANGE',
  'PINK', 'GREEN', 'BLUE', 'RED', 'YELLOW', 'BRONZE', 'CHARCOAL', 'CYAN', 'WHITE', 'BLACK', 'BROWN', 'GRAY',
  'IVORY', 'JADE', 'LIME', 'MAROON', 'NAVY', 'ONYX', 'PEARL', 'PLUM', 'RUBY', 'SAPPHIRE', 'TAN', 'VIOLET',
]

export const ADDON_NAME_PATTERN = /^[a-zA-Z][A-Za-z0-9_-]+$/
export const ALIAS_PATTERN = /^[A-Z][A-Z0-9_]*$/
export const APP_NAME_PATTERN = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/

export function generateAddonName(serviceName: string, random: (max: number) => number = randomInt): string {
  const slug = serviceName.replace(/^heroku-/, '')
  return `${slug}-${ADJECTIVES[random(ADJECTIVES.length)]}-${10000 + random(90000)}`
}

export function generateAppName(random: (max: number) => number = randomInt): string {
  return `${ADJECTIVES[random(ADJECTIVES.length)]}-app-${10000 + random(90000)}`
}

// "heroku-redis" → "HEROKU_REDIS": the stem of colour aliases.
export function serviceAliasStem(serviceName: string): string {
  return serviceName.toUpperCase().replace(/[^A-Z0-9]/g, '_')
}

// Aliases to try, in order, when the user gave none: the provider's default, then STEM_COLOUR with
// the fixed palette, then STEM_2, STEM_3, ... (endless, so a caller always finds a free one).
export function* aliasCandidates(providerDefault: string, serviceName: string): Generator<string> {
  yield* namedCandidates(providerDefault, serviceName)
  const stem = serviceAliasStem(serviceName)
  for (let n = 2; ; n++) yield numberedAlias(stem, n)
}

// The named part of that order: the provider's default, then the colours.
export function* namedCandidates(providerDefault: string, serviceName: string): Generator<string> {
  yield providerDefault
  const stem = serviceAliasStem(serviceName)
  for (const colour of ALIAS_COLOURS) yield `${stem}_${colour}`
}

export function numberedAlias(stem: string, n: number): string {
  return `${stem}_${n}`
}

export function validateAlias(alias: string): string | undefined {
  if (!ALIAS_PATTERN.test(alias)) {
    return `Name "${alias}" is invalid: attachment names must start with a letter and contain only uppercase letters, digits and underscores.`
  }
  return undefined
}
