#!/usr/bin/env node
// `addonkit --version` is asked by scripts and CI far more than anything else: answer it from
// package.json without loading oclif (same text as oclif's own: name/version platform-arch node-vX).
const argv = process.argv.slice(2)
if (argv.length === 1 && argv[0] === '--version') {
  const {readFileSync} = await import('node:fs')
  const {name, version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  const {execute} = await loadOclif()
  await execute({dir: import.meta.url})
}

// @oclif/core is ≈100 CommonJS files; `npm run build` also writes it as one bundle, run through the V8
// code cache (dist/bundles/load-oclif-core.cjs), which loads in a fraction of the time. It goes into the
// require cache under the package's own file name, so our commands (require) and plugin-help and our
// hook (import(), which on Node reads a CommonJS file from the require cache: test/bin checks it) all
// get that one copy; a host CLI loading addonkit as a plugin never sees it. Not built: the package.
async function loadOclif() {
  const {createRequire, default: Module} = await import('node:module')
  const require = createRequire(import.meta.url)
  try {
    const bundled = require('../dist/bundles/load-oclif-core.cjs')
    const file = require.resolve('@oclif/core')
    Module._cache[file] = Object.assign(new Module(file), {filename: file, exports: bundled, loaded: true})
    return bundled
  } catch {
    return import('@oclif/core')
  }
}
