import type {Region} from '../api/types.js'
import {renderTable} from '../output/table.js'

// Regions live with spaces here because the one thing a region tells a user is whether Private Spaces can use it.
export type RegionRuntime = 'private' | 'common'

export function regionRuntime(region: Pick<Region, 'private_capable'>): string {
  return region.private_capable ? 'Private Spaces' : 'Common Runtime'
}

// Common Runtime regions first, then Private Spaces ones, each by name (the heroku CLI's order).
export function selectRegions(regions: Region[], only?: RegionRuntime): Region[] {
  return regions
    .filter((r) => only === undefined || r.private_capable === (only === 'private'))
    .sort((a, b) => Number(a.private_capable) - Number(b.private_capable) || a.name.localeCompare(b.name))
}

export function formatRegions(regions: Region[]): string {
  return renderTable<Region>(
    [
      {header: 'ID', get: (r) => r.name},
      {header: 'Location', get: (r) => r.description},
      {header: 'Runtime', get: regionRuntime},
    ],
    regions,
  )
}
