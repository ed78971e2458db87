// The platform sends regions as "<cloud>::<cloud region>" (e.g. amazon-web-services::us-east-1);
// manifests list Heroku region names (us, eu) and Private Space names (virginia, frankfurt, ...).

// Every cloud region and the region names that stand for it.
const namesByCloudRegion: Record<string, string[]> = {
  'us-east-1': ['us', 'virginia'],
  'eu-west-1': ['eu', 'dublin'],
  'us-west-2': ['oregon'],
  'eu-central-1': ['frankfurt'],
  'ap-northeast-1': ['tokyo'],
  'ap-southeast-2': ['sydney'],
  'ca-central-1': ['montreal'],
  'ap-south-1': ['mumbai'],
}

export const knownRegionNames = ['*', ...new Set(Object.values(namesByCloudRegion).flat())]

// The names a request's region goes by; a bare name (`us`) is accepted as itself.
export function regionNames(requestRegion: string): string[] {
  const cloudRegion = requestRegion.includes('::') ? requestRegion.split('::')[1] : undefined
  if (cloudRegion === undefined) return [requestRegion]
  return namesByCloudRegion[cloudRegion] ?? []
}

export function regionSupported(manifestRegions: string[], requestRegion: string | undefined): boolean {
  if (requestRegion === undefined || manifestRegions.includes('*')) return true
  return regionNames(requestRegion).some((name) => manifestRegions.includes(name))
}
