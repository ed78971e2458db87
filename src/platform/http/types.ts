import type {AccountRow} from '../store/schema.js'

// Who made the request: a customer account, or a provider holding a token for one add-on.
declare module 'fastify' {
  interface FastifyRequest {
    actor?: AccountRow
    partnerAddonId?: string
    requestId: string
  }
  interface FastifyContextConfig {
    // 'none': catalog and OAuth; 'user': customers only; 'partner': customers or the add-on's provider
    auth?: 'none' | 'user' | 'partner'
    // 'free': reports the caller's remaining requests without spending one (GET /account/rate-limits)
    rateLimit?: 'free'
  }
}

export {}
