import {randomBytes, randomInt} from 'node:crypto'

// The names the platform gives out live under `localhost`, the name RFC 6761 reserves for the loopback:
// it is never delegated, so none of them can lead to somebody's real host. An app's default domain is
// APP.localhost (as its web_url); a custom domain's DNS target sits one level deeper, under
// dns.localhost (as Heroku's targets sit under herokudns.com). Every name under `localhost` is the
// platform's, so none can be added as a custom domain.
export const PLATFORM_DOMAIN = 'localhost'
export const DNS_TARGET_DOMAIN = `dns.${PLATFORM_DOMAIN}`

export const MAX_HOSTNAME_LENGTH = 253
const MAX_LABEL_LENGTH = 63
const LABEL = /^[a-z0-9-]+$/

export function defaultHostname(appName: string): string {
  return `${appName}.${PLATFORM_DOMAIN}`
}

// As a user typed it or a path names it: compared and stored lower-case, without the root's trailing dot.
export function normalizeHostname(raw: string): string {
  const lower = raw.toLowerCase()
  return lower.endsWith('.') ? lower.slice(0, -1) : lower
}

// What is wrong with a (normalized) hostname as a custom domain, or undefined when it may be added:
// RFC 1123 labels (letters, digits, inner hyphens, 1 to 63 characters), at most 253 characters in all,
// at least two labels, a wildcard only as a whole leading `*.` label with two labels after it (as
// Heroku allows), no IP address, nothing under the platform's own domain.
export function hostnameProblem(hostname: string): string | undefined {
  if (hostname === '') return 'Hostname is required.'
  if (hostname.length > MAX_HOSTNAME_LENGTH) {
    return `Hostname is too long: ${hostname.length} characters where at most ${MAX_HOSTNAME_LENGTH} are allowed.`
  }
  if (/[^\u0000-\u007f]/.test(hostname)) {
    return `Hostname ${hostname} is not ASCII: give an internationalized name in its xn-- (punycode) form.`
  }
  const wildcard = hostname.startsWith('*.')
  const labels = (wildcard ? hostname.slice(2) : hostname).split('.')
  if (labels.some((label) => label.includes('*'))) {
    return `Hostname ${hostname} is invalid: a wildcard may only be the whole first label, as in *.example.com.`
  }
  if (labels.length < 2) {
    return wildcard
      ? `Hostname ${hostname} is invalid: a wildcard needs at least two labels after it, as in *.example.com.`
      : `Hostname ${hostname} is invalid: it needs at least two labels, as in example.com.`
  }
  for (const label of labels) {
    const problem = labelProblem(label)
    if (problem) return `Hostname ${hostname} is invalid: ${problem}`
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1])) {
    return `Hostname ${hostname} is invalid: IP addresses cannot be added, only hostnames.`
  }
  const bare = labels.join('.')
  if (bare === PLATFORM_DOMAIN || bare.endsWith(`.${PLATFORM_DOMAIN}`)) {
    return `Hostname ${hostname} is under ${PLATFORM_DOMAIN}, which the platform keeps for its own names (apps' default domains and DNS targets).`
  }
  return undefined
}

function labelProblem(label: string): string | undefined {
  if (label === '') return 'it has an empty label (two dots in a row, or a leading dot).'
  if (label.length > MAX_LABEL_LENGTH) return `the label ${label} is longer than ${MAX_LABEL_LENGTH} characters.`
  if (!LABEL.test(label)) return `the label ${label} may hold only letters, digits and hyphens.`
  if (label.startsWith('-') || label.endsWith('-')) return `the label ${label} may not start or end with a hyphen.`
  return undefined
}

// Landscape words for DNS targets, as Heroku's read "adjective-noun-random.herokudns.com".
const ADJECTIVES = [
  'amber', 'breezy', 'calm', 'coastal', 'dappled', 'distant', 'dusky', 'foggy', 'frosty', 'gentle', 'golden', 'hidden',
  'misty', 'mossy', 'quiet', 'rocky', 'rolling', 'sandy', 'shady', 'silent', 'snowy', 'sunny', 'tidal', 'windy',
]
const NOUNS = [
  'bay', 'brook', 'canyon', 'cliff', 'cove', 'delta', 'dune', 'fjord', 'glacier', 'glen', 'grove', 'harbor', 'heath',
  'island', 'lagoon', 'marsh', 'meadow', 'mesa', 'plateau', 'prairie', 'reef', 'ridge', 'summit', 'valley',
]
const TARGET_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const TARGET_RANDOM_CHARS = 16

// A fresh DNS target: two words and 16 random characters (about 80 bits), so targets never repeat.
export function generateDnsTarget(random: (max: number) => number = randomInt, bytes: (n: number) => Buffer = randomBytes): string {
  const suffix = [...bytes(TARGET_RANDOM_CHARS)].map((b) => TARGET_ALPHABET[b % TARGET_ALPHABET.length]).join('')
  return `${ADJECTIVES[random(ADJECTIVES.length)]}-${NOUNS[random(NOUNS.length)]}-${suffix}.${DNS_TARGET_DOMAIN}`
}
