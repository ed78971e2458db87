import type {AccountRow} from '../store/schema.js'

// Who made the request: a customer account, or a provider holding a token for one add-on.
declare module 'fastify' {
  interface FastifyRequest {
    actor?: AccountRow
    partnerAddonId?: string
    requestId: string
  }
  interface FastifyContextConfig {
    // 'none': catalog and OAuth; 'user': customers only; 'partner': customers or the add-on's provider;
    // 'partner-app': reads of an app, by its owner or by the provider of an add-on attached to it
    // (services/partner-scope.ts has the rules)
    auth?: 'none' | 'user' | 'partner' | 'partner-app'
    // 'free': reports the caller's remaining requests without spending one (GET /account/rate-limits)
    rateLimit?: 'free'
  }
}

export {}
