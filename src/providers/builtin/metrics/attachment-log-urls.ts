import got from 'got'
import type {PartnerAccess} from './partner-tokens.js'

const TIMEOUT_MS = 5_000

/**
 * The log_input_url of every attachment of one add-on (one per app it is attached to), read from the
 * Platform API with the add-on's partner token: `GET /addons/{id}/addon-attachments`. Attachments
 * without one (a platform that does not give them out) are left out.
 */
export async function attachmentLogUrls(access: PartnerAccess): Promise<string[]> {
  const attachments = await got(`${access.addonUrl}/addon-attachments`, {
    headers: {authorization: access.authorization, accept: 'application/vnd.heroku+json; version=3', 'user-agent': 'addonkit-builtin-provider'},
    timeout: {request: TIMEOUT_MS},
    retry: {limit: 0},
  }).json<Array<{log_input_url?: unknown}>>()
  if (!Array.isArray(attachments)) throw new Error('the platform answered addon-attachments with something other than a list')
  const urls = attachments.map((a) => a?.log_input_url).filter((url): url is string => typeof url === 'string' && url !== '')
  return [...new Set(urls)]
}
