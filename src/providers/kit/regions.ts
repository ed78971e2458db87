// The platform sends regions as "<cloud>::<cloud region>" (e.g. amazon-web-services::us-east-1);
// manifests list Heroku region names (us, eu) and Private Space names (virginia, frankfurt, ...).
// This table is the one list of both, for the kit, the conformance checker and the manifest checks.

export const CLOUD = 'amazon-web-services'

// Every region name a manifest may list and the cloud region it stands for.
export const cloudRegionByName: Record<string, string> = {
  us: 'us-east-1',
  eu: 'eu-west-1',
  virginia: 'us-east-1',
  oregon: 'us-west-2',
  frankfurt: 'eu-central-1',
  tokyo: 'ap-northeast-1',
  sydney: 'ap-southeast-2',
  dublin: 'eu-west-1',
}

export const knownRegionNames = ['*', ...Object.keys(cloudRegionByName)]

// The names a request's region goes by; a bare name (`us`) is accepted as itself.
export function regionNames(requestRegion: string): string[] {
  const cloudRegion = requestRegion.includes('::') ? requestRegion.split('::')[1] : undefined
  if (cloudRegion === undefined) return [requestRegion]
  return Object.keys(cloudRegionByName).filter((name) => cloudRegionByName[name] === cloudRegion)
}

export function regionSupported(manifestRegions: string[], requestRegion: string | undefined): boolean {
  if (requestRegion === undefined || manifestRegions.includes('*')) return true
  return regionNames(requestRegion).some((name) => manifestRegions.includes(name))
}
