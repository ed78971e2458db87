import {randomBytes} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {writeFileAtomic} from '../kit/atomic-write.js'

export interface ManifestSecrets {
  password: string
  sso_salt: string
}

// Generated on first start and kept, so add-ons provisioned before a restart still authenticate.
export async function loadManifestSecrets(providerDir: string): Promise<ManifestSecrets> {
  const path = join(providerDir, 'manifest-secrets.json')
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as Partial<ManifestSecrets>
    if (typeof saved.password === 'string' && typeof saved.sso_salt === 'string') return saved as ManifestSecrets
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error
  }
  const secrets = {password: randomBytes(24).toString('hex'), sso_salt: randomBytes(24).toString('hex')}
  await writeFileAtomic(path, JSON.stringify(secrets, null, 2) + '\n')
  return secrets
}
