// The built-in services by id: what the CLI needs to know of them without loading any (no imports).
export const builtinServiceIds = ['kv', 'redis', 'postgresql', 'logbook'] as const

export type BuiltinServiceId = (typeof builtinServiceIds)[number]

// provider:serve's port when none is given: fixed per service, so a restart keeps the manifest the
// platform registered (and every KV_URL given out) pointing at the right place.
export const defaultServePorts: Record<BuiltinServiceId, number> = {kv: 5001, redis: 5002, postgresql: 5003, logbook: 5004}
