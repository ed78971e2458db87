// Platform API releases as the commands receive them.
import type {Release} from '../../../src/lib/api/types.js'

const APP = {id: '5a8c7e0e-4b1f-4d6a-9c3e-2f7b8a1d0c94', name: 'example-app'}

// release ids that say which version they belong to: 00000000-0000-4000-8000-00000000000N
export const releaseId = (version: number) => `00000000-0000-4000-8000-${String(version).padStart(12, '0')}`

export function fakeRelease(version: number, overrides: Partial<Release> = {}): Release {
  return {
    id: releaseId(version),
    version,
    description: `Set V${version} config vars`,
    status: 'succeeded',
    current: false,
    eligible_for_rollback: true,
    app: APP,
    user: {id: '9d1f3b2a-6c4e-4f8a-b7d5-1e0c2a3b4d5f', email: 'owner@example.com'},
    slug: null,
    artifacts: [],
    addon_plan_names: [],
    output_stream_url: null,
    created_at: '2026-01-05T10:00:00Z',
    updated_at: '2026-01-05T10:00:00Z',
    ...overrides,
  }
}

// `2026/01/05 10:00:00 +0000` for an ISO time, read off the ISO text (tests run with TZ=UTC)
export const utcStamp = (iso: string) => `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)} +0000`

// an ISO time `ms` before now, whole seconds
export const agoIso = (ms: number) => new Date(Math.floor((Date.now() - ms) / 1000) * 1000).toISOString()
