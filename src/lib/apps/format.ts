import type {Addon, App} from '../api/types.js'
import {formatHeader, formatKeyValues} from '../output/key-value.js'

// The heroku CLI's app naming in lists: the region is shown only when it is not the default one.
export function appLabel(app: Pick<App, 'name' | 'region' | 'space'>): string {
  if (app.space) return `${app.name} (${app.space.name})`
  return app.region.name === 'us' ? app.name : `${app.name} (${app.region.name})`
}

// `apps`: a header, then one app per line, sorted by name.
export function formatAppList(apps: App[]): string[] {
  if (apps.length === 0) return ['You have no apps.']
  const sorted = [...apps].sort((a, b) => a.name.localeCompare(b.name))
  return [formatHeader('Apps'), ...sorted.map(appLabel)]
}

// `apps:info`: the app's facts in alphabetical order; add-ons as their plan names, one per line.
export function formatAppInfo(app: App, addons: Addon[]): string[] {
  const plans = addons.map((addon) => addon.plan.name).sort()
  return [
    formatHeader(app.name),
    ...formatKeyValues([
      ['Add-ons', plans],
      ['Git URL', app.git_url ?? ''],
      ['Owner', app.owner.email],
      ['Region', app.region.name],
      ...(app.space ? ([['Space', app.space.name]] as Array<[string, string]>) : []),
      ['Stack', app.stack?.name ?? ''],
      ['Web URL', app.web_url ?? ''],
    ]),
  ]
}
