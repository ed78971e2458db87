import {writeFile} from 'node:fs/promises'

export {readManifestFile} from '../../providers/kit/manifest-file.js'

export const defaultManifestPath = 'addon-manifest.json'

export async function writeManifestFile(path: string, manifest: unknown, overwrite: boolean): Promise<void> {
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  // 'wx' fails when the file exists, so a concurrent writer cannot be clobbered between a check and the write
  await writeFile(path, text, {flag: overwrite ? 'w' : 'wx', mode: 0o600})
}
