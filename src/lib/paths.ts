import {join} from 'node:path'
import envPaths from 'env-paths'

// Where addonkit keeps its own files. ADDONKIT_DATA_DIR wins so tests and CI stay isolated.
export function dataDir(): string {
  return process.env.ADDONKIT_DATA_DIR || envPaths('addonkit', {suffix: ''}).data
}

// Written by `platform:start` so the CLI finds the local platform and its key with no configuration.
export function platformStatePath(dir = dataDir()): string {
  return join(dir, 'platform.json')
}

export interface PlatformState {
  url: string
  api_key: string
  email: string
  pid: number
}
