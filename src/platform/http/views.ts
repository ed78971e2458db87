import type {FastifyReply, FastifyRequest} from 'fastify'
import {acceptsSdk} from '../../wire/billing.js'
import type {AddonViewOptions, AttachmentViewOptions} from '../serializers/addons.js'
import type {Page, PageRequest} from '../store/paging.js'
import {parseRange, rangeHeaders} from './range.js'

const listHeader = (request: FastifyRequest, name: string) =>
  String(request.headers[name] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)

export function addonView(request: FastifyRequest, baseUrl: string): AddonViewOptions {
  const expansion = listHeader(request, 'accept-expansion')
  return {
    baseUrl,
    expandService: expansion.includes('addon_service'),
    expandPlan: expansion.includes('plan'),
    providerMessages: String(request.headers['x-heroku-legacy-provider-messages'] ?? '').toLowerCase() === 'true',
    sdk: wantsSdk(request),
  }
}

// Accept: application/vnd.heroku+json; version=3.sdk, under which plans say whether they are metered.
export function wantsSdk(request: FastifyRequest): boolean {
  return acceptsSdk(request.headers.accept)
}

export function attachmentView(request: FastifyRequest, baseUrl: string): AttachmentViewOptions {
  const inclusion = listHeader(request, 'accept-inclusion')
  return {baseUrl, includeConfigVars: inclusion.includes('config_vars'), includeAddonPlan: inclusion.includes('addon:plan')}
}

export function pageRequest(request: FastifyRequest, fields: string[]): PageRequest {
  const header = request.headers.range
  return parseRange(typeof header === 'string' ? header : undefined, fields)
}

// 206 + Next-Range only when more rows exist.
export function sendPage<T>(reply: FastifyReply, page: Page<unknown>, fields: string[], body: T[]): FastifyReply {
  reply.header('Accept-Ranges', fields.join(', '))
  for (const [k, v] of Object.entries(rangeHeaders(page))) reply.header(k, v)
  return reply.code(page.nextStart !== undefined ? 206 : 200).send(body)
}
