import {configVarPrefix, type ProviderManifest} from '../../providers/kit/manifest-types.js'

// An add-on's `config` with the size columns that go with it: write all three together.
export function configColumns(manifest: ProviderManifest, config: Record<string, string>): {config: string; config_var_count: number; config_bytes: number} {
  const prefix = configVarPrefix(manifest)
  let bytes = 0
  for (const [name, value] of Object.entries(config)) bytes += nameBytesBeyondAlias(name, prefix) + Buffer.byteLength(value)
  return {config: JSON.stringify(config), config_var_count: Object.keys(config).length, config_bytes: bytes}
}

// An app var's name is its alias plus what this returns (see appVarName in attachment-vars.ts):
// PREFIX -> ALIAS, PREFIX_URL -> ALIAS_URL, OTHER -> ALIAS_OTHER.
function nameBytesBeyondAlias(providerVar: string, prefix: string): number {
  if (providerVar === prefix) return 0
  if (providerVar.startsWith(`${prefix}_`)) return Buffer.byteLength(providerVar) - Buffer.byteLength(prefix)
  return 1 + Buffer.byteLength(providerVar)
}
