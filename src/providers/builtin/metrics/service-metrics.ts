import {join} from 'node:path'
import type {ProvisionRequest} from '../../kit/kit-options.js'
import {PartnerAccess} from '../../kit/partner-access.js'
import {JsonFilePartnerTokenStore} from '../../kit/partner-tokens.js'
import type {ProviderResource} from '../../kit/resource-store.js'
import type {ServiceContext} from '../builtin-service.js'
import {metricsIntervalMs} from './metrics-interval.js'
import {MetricsReporter, type MetricsData} from './metrics-reporter.js'

export type {MetricsData}

export interface ServiceMetrics {
  // At provision: what to keep with the resource (the owning app's log_input_url); the grant is
  // spent for a partner token, which finds the other apps later. Never throws.
  enrol(request: ProvisionRequest): Promise<MetricsData>
  // At deprovision.
  forget(id: string): Promise<void>
  start(): void
  stop(): Promise<void>
  // one round now, for tests
  tick(): Promise<void>
}

/**
 * The metrics lines of a built-in data service (redis, postgresql): its manifest requires log_input,
 * so each provision brings the owning app's log_input_url and an OAuth grant; every interval the
 * service reads `sample` from the resource's server and writes it to every app the add-on is
 * attached to. The interval throws here, at the service's creation, when the setting is unusable.
 */
export function serviceMetrics<Data extends MetricsData>(
  context: ServiceContext,
  options: {service: string; resources(): Promise<ProviderResource<Data>[]>; sample(resource: ProviderResource<Data>): Promise<string>},
): ServiceMetrics {
  const intervalMs = metricsIntervalMs(context.metricsIntervalMs)
  const partner = metricsPartnerAccess(join(context.dir, 'partner-tokens.json'), context.secrets.password)
  const reporter = new MetricsReporter<Data>({...options, intervalMs, partner, warn: (message) => context.log.warn(message)})
  return {
    async enrol(request) {
      const logInputUrl = typeof request.log_input_url === 'string' && request.log_input_url !== '' ? request.log_input_url : undefined
      const grant = request.oauth_grant as {code?: unknown} | undefined
      if (logInputUrl && typeof grant?.code === 'string' && typeof request.callback_url === 'string') {
        try {
          await partner.begin(request.uuid, request.callback_url).exchange(grant.code)
        } catch (error) {
          context.log.warn(`${options.service} add-on ${request.name ?? request.uuid}: its grant could not be exchanged for a partner token (${(error as Error).message}); its metrics lines go to the owning app only`)
        }
      }
      return logInputUrl ? {logInputUrl} : {}
    },
    forget: (id) => reporter.forget(id),
    start: () => reporter.start(),
    stop: () => reporter.stop(),
    tick: () => reporter.tick(),
  }
}

/**
 * The partner tokens of a service's add-ons, kept in a 0600 JSON file beside its resources so they
 * outlive a restart. Each call tries once, briefly: a round that cannot reach the platform is
 * skipped, and the next interval is its retry.
 */
export function metricsPartnerAccess(file: string, clientSecret: string, now?: () => number): PartnerAccess {
  return new PartnerAccess({clientSecret, tokens: new JsonFilePartnerTokenStore(file), now, http: {retries: 0, timeoutMs: 5_000}})
}
