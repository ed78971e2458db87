// The add-on provider API (Heroku's v3 partner API) as it travels on the wire: what the platform
// sends a provider, and what the conformance checker sends when it plays the platform.

export interface ProvisionBody {
  uuid: string
  name: string
  // the plan slug, without the service prefix
  plan: string
  // `amazon-web-services::us-east-1` style
  region: string
  callback_url: string
  oauth_grant: {code: string; type: 'authorization_code'; expires_at: string}
  // what the user passed after `--` on addons:create; values are strings
  options: Record<string, string>
  log_input_url: string | null
  // `d.<uuid>`, when the manifest requires syslog_drain: the drain's deliveries carry it as Logplex-Drain-Token
  log_drain_token?: string | null
}
