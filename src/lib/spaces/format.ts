import type {Space} from '../api/types.js'
import {formatHeader, formatKeyValues} from '../output/key-value.js'
import {renderTable} from '../output/table.js'

// `spaces`: one row per space, by name.
export function formatSpaceList(spaces: Space[]): string[] {
  if (spaces.length === 0) return ['You do not have access to any spaces.']
  const sorted = [...spaces].sort((a, b) => a.name.localeCompare(b.name))
  return [
    renderTable<Space>(
      [
        {header: 'Name', get: (s) => s.name},
        {header: 'Team', get: (s) => s.team?.name ?? ''},
        {header: 'Region', get: (s) => s.region.name},
        {header: 'State', get: (s) => s.state},
        {header: 'Created At', get: (s) => s.created_at},
      ],
      sorted,
    ),
  ]
}

// `spaces:create`: the new space's facts.
export function formatSpaceInfo(space: Space): string[] {
  return [
    formatHeader(space.name),
    ...formatKeyValues([
      ['ID', space.id],
      ['Team', space.team?.name ?? ''],
      ['Region', space.region.name],
      ['State', space.state],
      ['Shield', space.shield ? 'on' : 'off'],
      ['Created at', space.created_at],
    ]),
  ]
}
