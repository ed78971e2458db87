import type {FastifyInstance} from 'fastify'
import {buildServer} from '../../../src/platform/server.js'
import {HEROKU_RATE_LIMIT} from '../../../src/platform/services/rate-limits.js'
import type {ProviderManifest} from '../../../src/providers/kit/manifest-types.js'
import {startTestProvider, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {OWNER, STRANGER, startTestPlatform, type TestPlatform} from '../helpers.js'
import {TestBrowser} from './browser.js'

export {OWNER, STRANGER}

export interface DashboardFixture {
  provider: TestProvider
  p: TestPlatform
  // a second server on the same services, answering inject(): the platform's own routes and hooks
  server: FastifyInstance
  browser(): TestBrowser
  close(): Promise<void>
}

// The platform with the test provider (heroku-redis), its accounts, and a server to inject into,
// with the account request budget on (the dashboard spends it as the API does).
export async function dashboardFixture(options: {accounts?: Array<{email: string; apiKey: string}>; manifest?: (m: ProviderManifest) => ProviderManifest; clock?: () => Date} = {}): Promise<DashboardFixture> {
  const provider = await startTestProvider()
  const manifest = options.manifest ? options.manifest(provider.manifest) : provider.manifest
  const p = await startTestPlatform([manifest], {accounts: [OWNER, STRANGER, ...(options.accounts ?? [])], ...(options.clock ? {clock: options.clock} : {})})
  const server = buildServer(p.platform.services, () => {}, HEROKU_RATE_LIMIT)
  await server.ready()
  return {
    provider, p, server,
    browser: () => new TestBrowser(server, p.url),
    async close() {
      await server.close()
      await p.close()
      await provider.close()
    },
  }
}
