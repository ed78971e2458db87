// Region names a manifest may list, and the platform region each one stands for in a provision
// request ("amazon-web-services::<cloud region>"). `*` means every region.
const cloudRegionByName: Record<string, string> = {
  us: 'us-east-1',
  virginia: 'us-east-1',
  eu: 'eu-west-1',
  dublin: 'eu-west-1',
  oregon: 'us-west-2',
  frankfurt: 'eu-central-1',
  tokyo: 'ap-northeast-1',
  sydney: 'ap-southeast-2',
}

export const validRegionNames = [...Object.keys(cloudRegionByName), '*']

const cloud = 'amazon-web-services'

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
