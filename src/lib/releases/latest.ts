import type {ApiClient} from '../api/client.js'
import type {Release} from '../api/types.js'

// The "vN" printed after a change: the newest release, asked for exactly as the heroku CLI asks.
export async function latestReleaseVersion(api: ApiClient, app: string): Promise<number | undefined> {
  const releases = await api.get<Release[]>(`/apps/${encodeURIComponent(app)}/releases`, {
    headers: {range: 'version ..; max=1, order=desc'},
    partial: true,
  })
  return releases[0]?.version
}
