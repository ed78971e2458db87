// Heroku's app-setup resource (POST /app-setups, GET /app-setups/{id}): what the platform answers
// and `apps:setup` reads.
export type AppSetupStatus = 'pending' | 'succeeded' | 'failed'

export interface AppSetup {
  id: string
  created_at: string
  updated_at: string
  status: AppSetupStatus
  // why it failed, once it has
  failure_message: string | null
  app: {id: string; name: string}
  // the local platform builds nothing and runs no postdeploy script: both null there
  build: {id: string; status: string; output_stream_url: string} | null
  // one line per problem of app.json, once failed because of them
  manifest_errors: string[]
  postdeploy: {output: string; exit_code: number} | null
  resolved_success_url: string | null
}

// The request body.
export interface AppSetupRequest {
  app?: {name?: string; region?: string; space?: string}
  source_blob: {url: string; checksum?: string | null; version?: string | null}
  overrides?: {env?: Record<string, string>}
}
