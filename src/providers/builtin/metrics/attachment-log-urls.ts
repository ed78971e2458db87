import type {PlatformClient} from '../../kit/platform-client.js'

/**
 * The log_input_url of every attachment of one add-on (one per app it is attached to), read from the
 * Platform API with the add-on's partner token: `GET /addons/{id}/addon-attachments`. Attachments
 * without one (a platform that does not give them out) are left out.
 */
export async function attachmentLogUrls(platform: PlatformClient): Promise<string[]> {
  const urls = (await platform.attachments()).map((a) => a?.log_input_url).filter((url): url is string => typeof url === 'string' && url !== '')
  return [...new Set(urls)]
}
