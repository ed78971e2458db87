import type {AppAddons, ListKey, Named} from './lists.js'
import type {CommandShape, FlagShape, ParsedLine} from './words.js'

// What may go where the cursor is: commands and flags from the commands' own definitions, and names
// read live from the platform for the places that take them.

export interface Candidate {
  value: string
  description?: string
}

// Reads one platform list (from the cache or the platform); undefined when it could not be had in time.
export type ReadList = <K extends ListKey>(key: K) => Promise<(K extends {kind: 'addons'} ? AppAddons : Named[]) | undefined>

// Which args take which names; `*` stands for any command.
const ARG_VALUES: Record<string, 'apps' | 'addons' | 'attachments' | 'service-plans' | 'services' | 'addon-plans' | 'config'> = {
  '* addon': 'addons',
  '* attachment': 'attachments',
  '* app': 'apps',
  'addons:create service': 'service-plans',
  'addons:plans service': 'services',
  'addons:docs service': 'services',
  'addons:upgrade plan': 'addon-plans',
  'addons:downgrade plan': 'addon-plans',
  'config:get key': 'config',
  'config:unset keys': 'config',
}

// Flags whose values are names on the platform.
const FLAG_VALUES: Record<string, ListKey['kind']> = {app: 'apps', region: 'regions', space: 'spaces'}

export async function candidates(line: ParsedLine, commands: CommandShape[], read: ReadList, env: NodeJS.ProcessEnv): Promise<Candidate[]> {
  const {target} = line
  switch (target.kind) {
    case 'none':
      return []
    case 'command':
      return commands
        .filter((c) => !c.hidden && c.id.startsWith(target.prefix))
        .map((c) => ({value: c.id, description: summaryOf(c)}))
        .sort((a, b) => a.value.localeCompare(b.value))
    case 'flag': {
      const flags = Object.values(target.command.flags).filter((f) => !f.hidden && (f.multiple || !target.used.has(f.name)))
      return [...flags.map((f) => ({value: `--${f.name}`, description: firstLine(f.summary ?? f.description)})), {value: '--help', description: 'show help for the command'}]
        .filter((c) => c.value.startsWith(target.prefix))
        .sort((a, b) => a.value.localeCompare(b.value))
    }
    case 'flag-value': {
      const values = await flagValues(target.flag, read)
      return withPrefix(values, target.prefix).map((c) => ({...c, value: `${target.insert}${c.value}`}))
    }
    case 'arg': {
      const kind = ARG_VALUES[`${target.command.id} ${target.arg}`] ?? ARG_VALUES[`* ${target.arg}`]
      if (!kind) return []
      // the app: --app as typed, else ADDONKIT_APP (as the commands themselves read it)
      const app = line.flags.app ?? (env.ADDONKIT_APP || undefined)
      const given = new Set(line.args)
      return (await argValues(kind, app, target.prefix, line.args, read)).filter((c) => !given.has(c.value) || kind === 'apps')
    }
  }
}

async function flagValues(flag: FlagShape, read: ReadList): Promise<Candidate[]> {
  if (flag.options) return flag.options.map((value) => ({value}))
  const kind = FLAG_VALUES[flag.name]
  if (!kind) return []
  return named(await read({kind} as ListKey as {kind: 'apps'}))
}

async function argValues(kind: (typeof ARG_VALUES)[string], app: string | undefined, prefix: string, args: string[], read: ReadList): Promise<Candidate[]> {
  switch (kind) {
    case 'apps':
      return withPrefix(named(await read({kind: 'apps'})), prefix)
    case 'addons': {
      const list = await read({kind: 'addons', app})
      if (!list) return []
      return withPrefix([
        ...list.addons.map((a) => ({value: a.name, description: a.plan})),
        ...list.attachments.map((a) => ({value: a.name, description: `attached ${a.addon}`})),
      ], prefix)
    }
    case 'attachments': {
      if (!app) return []
      const list = await read({kind: 'addons', app})
      return withPrefix((list?.attachments ?? []).map((a) => ({value: a.name, description: a.addon})), prefix)
    }
    case 'config':
      return app ? withPrefix(named(await read({kind: 'config', app})), prefix) : []
    case 'services':
      return withPrefix(named(await read({kind: 'services'})), prefix)
    case 'service-plans':
      return servicePlans(prefix, read)
    case 'addon-plans': {
      // the plans of the add-on named before (by name or alias), else as for addons:create
      const list = await read({kind: 'addons', app})
      const ref = args[0]
      const alias = list?.attachments.find((a) => a.name === ref)
      const addon = list?.addons.find((a) => a.name === ref || a.name === alias?.addon)
      if (!addon?.service || prefix.includes(':')) return servicePlans(prefix, read)
      const plans = named(await read({kind: 'plans', service: addon.service}))
      const full = withPrefix(plans, prefix)
      if (full.length > 0) return full
      // `premium` completes to the plan's own name, which the command also takes
      return withPrefix(plans.map((p) => ({...p, value: p.value.slice(addon.service.length + 1)})), prefix)
    }
  }
}

// `red` → the services, each with a colon (`redis:`); `redis:` → that service's plans (`redis:mini`).
async function servicePlans(prefix: string, read: ReadList): Promise<Candidate[]> {
  const colon = prefix.indexOf(':')
  if (colon < 0) return withPrefix(named(await read({kind: 'services'})).map((s) => ({...s, value: `${s.value}:`})), prefix)
  return withPrefix(named(await read({kind: 'plans', service: prefix.slice(0, colon)})), prefix)
}

const named = (list: Named[] | undefined): Candidate[] => (list ?? []).map((n) => ({value: n.name, description: n.description}))

function withPrefix(list: Candidate[], prefix: string): Candidate[] {
  const seen = new Set<string>()
  return list.filter((c) => c.value.startsWith(prefix) && !seen.has(c.value) && seen.add(c.value))
}

function summaryOf(command: CommandShape): string | undefined {
  return firstLine(command.summary ?? command.description)
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split('\n')[0].trim() || undefined
}
