import type {ProviderManifest} from '../../../providers/kit/manifest-types.js'
import {CheckReport, type LineWriter} from '../check-report.js'
import {providerEndpoints} from '../endpoints.js'
import {findManifestProblems} from '../../../providers/kit/manifest-problems.js'
import {defaultPlatformRegion, platformRegion} from '../regions.js'
import type {ConformanceContext} from './context.js'
import {checkDeprovision, removeLeftovers} from './deprovision.js'
import {checkPlanChange} from './plan-change.js'
import {defaultPlanName, planChangeTarget} from './plans.js'
import {checkProvision, type ProvisionOutcome} from './provision.js'
import {checkSso} from './sso.js'

export type ConformanceTarget =
  | {kind: 'provision'}
  | {kind: 'deprovision'; id: string}
  | {kind: 'planchange'; id: string; plan: string}
  | {kind: 'sso'; id: string}
  | {kind: 'all'}

export interface ConformanceSettings {
  // the manifest as read from its file, checked first
  manifest: unknown
  production: boolean
  // provision: the plan to provision; all: the plan to change to
  plan?: string
  region?: string
  options: Record<string, string>
  write: LineWriter
  timeoutMs?: number
  asyncTimeoutMs?: number
  logWaitMs?: number
  partnerWaitMs?: number
  now?: () => number
}

export interface ConformanceRun {
  report: CheckReport
  // `provision` alone leaves its resource for the next step (deprovision ID, sso ID...)
  keptResourceId?: string
}

// The platform gives up on a provider after about 30 seconds.
const defaultTimeoutMs = 30_000
// Heroku allows an asynchronous provision 12 hours; a check waits one minute unless told otherwise.
export const defaultAsyncTimeoutMs = 60_000
// A provider that requires log_input usually writes at provision; a few seconds cover a batching logger.
export const defaultLogWaitMs = 5_000
// A provider that reads the app or subscribes to webhooks does it as soon as its add-on exists.
export const defaultPartnerWaitMs = 5_000

/** What `provider:test` runs: the manifest check, then the chosen group(s) against the provider. */
export async function runConformance(target: ConformanceTarget, settings: ConformanceSettings): Promise<ConformanceRun> {
  const {report, context} = prepare(settings)
  if (!context) return {report}
  const {manifest} = context
  switch (target.kind) {
    case 'provision': {
      const outcome = await checkProvision(context, provisionSettings(manifest, settings, settings.plan))
      await cleanUp(context, outcome, outcome.id)
      return {report: context.report, keptResourceId: outcome.id}
    }
    case 'deprovision':
      await checkDeprovision(context, target.id)
      return {report: context.report}
    case 'planchange':
      await checkPlanChange(context, target.id, target.plan)
      return {report: context.report}
    case 'sso':
      await checkSso(context, target.id)
      return {report: context.report}
    case 'all': {
      const outcome = await checkProvision(context, provisionSettings(manifest, settings))
      if (outcome.id !== undefined) {
        await checkPlanChange(context, outcome.id, planChangeTarget(manifest, settings.plan))
        if (context.endpoints.sso) await checkSso(context, outcome.id)
        await checkDeprovision(context, outcome.id)
      } else context.report.info('\nNo resource id: plan change, SSO and deprovision are not checked.')
      await cleanUp(context, outcome)
      return {report: context.report}
    }
  }
}

// The manifest group, and the context to go on with when the manifest is usable.
export function prepare(settings: ConformanceSettings): {report: CheckReport; context?: ConformanceContext} {
  const report = new CheckReport(settings.write)
  report.group('manifest')
  const problems = findManifestProblems(settings.manifest)
  if (!report.verdict('manifest is valid', problems.length ? problems.join('\n') : undefined)) return {report}
  const manifest = settings.manifest as ProviderManifest
  const context: ConformanceContext = {
    manifest,
    endpoints: providerEndpoints(manifest, settings.production),
    report,
    production: settings.production,
    timeoutMs: settings.timeoutMs ?? defaultTimeoutMs,
    asyncTimeoutMs: settings.asyncTimeoutMs ?? defaultAsyncTimeoutMs,
    logWaitMs: settings.logWaitMs ?? defaultLogWaitMs,
    partnerWaitMs: settings.partnerWaitMs ?? defaultPartnerWaitMs,
    now: settings.now ?? Date.now,
    created: new Set(),
  }
  return {report, context}
}

export function provisionSettings(manifest: ProviderManifest, settings: ConformanceSettings, plan?: string) {
  return {
    plan: plan ?? defaultPlanName(manifest),
    region: settings.region ? platformRegion(settings.region) : defaultPlatformRegion(manifest.api.regions),
    options: settings.options,
  }
}

// Removes what the checks created, except the resource kept on purpose. A provision that said
// yes without a readable id may still have created something under its uuid.
export async function cleanUp(context: ConformanceContext, outcome: ProvisionOutcome, keep?: string): Promise<void> {
  const leftovers = new Set([...context.created].filter((id) => id !== keep))
  if (outcome.answered && outcome.id === undefined) leftovers.add(outcome.uuid)
  if (leftovers.size > 0) await removeLeftovers(context, leftovers)
}
