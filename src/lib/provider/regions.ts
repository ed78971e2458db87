import {CLOUD as cloud, cloudRegionByName, knownRegionNames} from '../../providers/kit/regions.js'

// Region names a manifest may list (`*` means every region), as the provider kit knows them.
export const validRegionNames = [...knownRegionNames.filter((name) => name !== '*'), '*']

// `us` → amazon-web-services::us-east-1; a value that already names a cloud region is kept.
export function platformRegion(name: string): string {
  if (name.includes('::')) return name
  return `${cloud}::${cloudRegionByName[name] ?? name}`
}

// The region a provision should use by default: the manifest's first, or us.
export function defaultPlatformRegion(manifestRegions: string[]): string {
  const first = manifestRegions.find((name) => name !== '*')
  return platformRegion(first ?? 'us')
}

// A real platform region the manifest does not serve, to check that the provider refuses it;
// undefined when the manifest serves every region.
export function unservedPlatformRegion(manifestRegions: string[]): string | undefined {
  if (manifestRegions.includes('*')) return undefined
  const served = new Set(manifestRegions.map((name) => cloudRegionByName[name]))
  const unserved = Object.values(cloudRegionByName).find((region) => !served.has(region))
  return unserved === undefined ? undefined : `${cloud}::${unserved}`
}
