import type {Release} from '../../../wire/platform-api.js'
import type {ActivityData} from '../data/activity.js'
import {html, path} from '../html.js'
import {csrfField, dataTable, pager, timeText} from './components.js'
import {page, type Frame} from './layout.js'

// Activity: the app's releases (what changed, who, when), each one that can be rolled back to with
// a Roll back link (a confirmation first).
export function activityPage(frame: Frame, data: ActivityData): string {
  const {app} = data
  const rows = data.releases.map((r) => html`<tr>
<td>v${r.version}${r.current && html` <span class="badge ok">current</span>`}</td>
<td>${r.description}</td>
<td>${r.user.email}</td>
<td>${timeText(r.created_at)}</td>
<td>${!r.current && r.eligible_for_rollback ? html`<a href="${path`/dashboard/apps/${app}/releases/${r.version}/rollback`}" data-dialog aria-label="${`Roll back to v${r.version}`}">Roll back</a>` : ''}</td>
</tr>`)
  return page({...frame, title: 'Activity', app: {name: app, tab: 'activity'}, cli: [`addonkit releases --app ${app}`, `addonkit releases:info vN --app ${app}`, `addonkit releases:rollback vN --app ${app}`]}, html`
<h1>Activity</h1>
${dataTable('Releases', ['Release', 'Change', 'By', 'When', ''], rows, {empty: 'No releases yet: config changes and add-ons make them.'})}
${pager(data.before ? [{href: `${path`/dashboard/apps/${app}/activity`}?before=${encodeURIComponent(data.before)}`, label: 'Older releases'}] : [])}`)
}

export function rollbackPage(frame: Frame & {account: {csrfToken: string}}, app: string, release: Release): string {
  const back = path`/dashboard/apps/${app}/activity`
  return page({...frame, title: `Roll back to v${release.version}`, app: {name: app, tab: 'activity'}, cli: [`addonkit releases:rollback v${release.version} --app ${app} --confirm ${app}`]}, html`
<section id="confirm" aria-labelledby="confirm-heading">
<h1 id="confirm-heading">Roll back ${app} to v${release.version}?</h1>
<p>A new release sets the config vars you had set at v${release.version} (“${release.description}”). Add-ons and the config vars they own stay as they are.</p>
<form method="post" action="${path`/dashboard/apps/${app}/releases/${release.version}/rollback`}" class="actions">
${csrfField(frame.account.csrfToken)}
<button type="submit" class="danger">Roll back to v${release.version}</button>
<a href="${back}" data-cancel>Cancel</a>
</form>
</section>`)
}
