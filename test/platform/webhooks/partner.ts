import type {Got} from 'got'
import {PASSWORD, type TestProvider} from '../../fixtures/providers/test-provider.js'
import {client, type TestPlatform} from '../helpers.js'

// The provider's side: the grant of the add-on it was last asked to provision, exchanged for that
// add-on's partner token, as a client that sends it.
export async function partnerClient(p: TestPlatform, provider: TestProvider): Promise<Got> {
  const code = provider.provisions.at(-1)!.oauth_grant.code as string
  const token = await p.anonymous.post<any>('oauth/tokens', {json: {grant: {type: 'authorization_code', code}, client: {secret: PASSWORD}}})
  if (token.statusCode !== 201) throw new Error(`token exchange: ${token.statusCode} ${JSON.stringify(token.body)}`)
  return client(p.url, token.body.access_token.token)
}
