// How an app.json entry without `as` finds its add-on. It stands for the service's default alias,
// which the Platform API does not publish (Heroku's add-on service carries no config var prefix: it
// is REDIS for heroku-redis, DATABASE for heroku-postgresql). What an app does show is which of its
// aliases the platform generated because that default was taken: SERVICE_COLOUR
// (HEROKU_REDIS_ROSE) and SERVICE_N (HEROKU_REDIS_2), stemmed on the service's name. So such an entry
// takes an add-on of its service that no `as` claims, those under another alias (the default, on
// an app built from app.json) first, then the generated ones, oldest first.

// "heroku-redis" → "HEROKU_REDIS": the stem of generated aliases, as platforms derive it.
export function aliasStem(service: string): string {
  return service.toUpperCase().replace(/[^A-Z0-9]/g, '_')
}

// HEROKU_REDIS_ROSE and HEROKU_REDIS_2 are generated for heroku-redis; REDIS and BROKER are not.
export function isGeneratedAlias(alias: string, service: string): boolean {
  const stem = `${aliasStem(service)}_`
  return alias.startsWith(stem) && /^([A-Z]+|\d+)$/.test(alias.slice(stem.length))
}

export interface AliasCandidate {
  alias: string
  created_at: string
}

// The order in which entries without `as` take a service's add-ons.
export function byDefaultAliasFirst<T extends AliasCandidate>(service: string, candidates: T[]): T[] {
  const rank = (c: T) => (isGeneratedAlias(c.alias, service) ? 1 : 0)
  return [...candidates].sort((a, b) => rank(a) - rank(b) || a.created_at.localeCompare(b.created_at) || a.alias.localeCompare(b.alias))
}
