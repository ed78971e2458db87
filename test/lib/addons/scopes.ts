// The requests the add-on commands send, as nock interceptors: one place that knows the wire.
import nock from 'nock'
import type {Addon, Attachment} from '../../../src/lib/api/types.js'
import {release} from './fakes.js'

const EXPAND = 'addon_service,plan'

// GET /apps/APP/releases as latestReleaseVersion asks it, answering vN
export function expectRelease(scope: nock.Scope, app: string, version: number): nock.Scope {
  return scope.get(`/apps/${app}/releases`).matchHeader('range', 'version ..; max=1, order=desc').reply(200, release(version))
}

// POST /actions/addons/resolve; `matches` undefined answers 404 (not an add-on in that scope)
export function expectResolve(scope: nock.Scope, identifier: string, app: string | null, matches?: Addon[]): nock.Scope {
  const interceptor = scope.post('/actions/addons/resolve', {addon: identifier, app}).matchHeader('accept-expansion', EXPAND)
  return matches
    ? interceptor.reply(200, matches)
    : interceptor.reply(404, {id: 'not_found', message: "Couldn't find that add on.", resource: 'add_on'})
}

// what `addons --app APP` reads
export function expectAppListing(scope: nock.Scope, app: string, addons: Addon[], attachments: Attachment[]): nock.Scope {
  scope.get(`/apps/${app}/addons`).matchHeader('accept-expansion', EXPAND).reply(200, addons)
  return scope.get(`/apps/${app}/addon-attachments`).reply(200, attachments)
}

export function expectCreate(scope: nock.Scope, app: string, body: nock.DataMatcherMap): nock.Interceptor {
  return scope
    .post(`/apps/${app}/addons`, body)
    .matchHeader('accept-expansion', 'plan')
    .matchHeader('x-heroku-legacy-provider-messages', 'true')
}

export function expectAttach(scope: nock.Scope, body: nock.DataMatcherMap): nock.Interceptor {
  return scope.post('/addon-attachments', body)
}

// GET /addons/ID/addon-attachments with the config var names included
export function expectAddonAttachments(scope: nock.Scope, of: Addon, attachments: Attachment[]): nock.Scope {
  return scope.get(`/addons/${of.id}/addon-attachments`).matchHeader('accept-inclusion', 'config_vars').reply(200, attachments)
}

export function expectDestroy(scope: nock.Scope, of: Addon, force = false): nock.Interceptor {
  return scope.delete(`/apps/${of.app.name}/addons/${of.id}`, {force}).matchHeader('accept-expansion', 'plan')
}

export const confirmationRequired = (message: string) => ({id: 'confirmation_required', message})
