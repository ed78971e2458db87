#!/usr/bin/env node
// CommonJS (bin/package.json says so): an ES module entry would start Node's ES module loader, ≈4 ms of
// every command, and nothing a command loads needs it.
'use strict'
const {join} = require('node:path')

// `addonkit --version` is asked by scripts and CI far more than anything else: answer it from
// package.json without loading oclif (same text as oclif's own: name/version platform-arch node-vX).
const argv = process.argv.slice(2)
if (argv.length === 1 && argv[0] === '--version') {
  const {name, version} = require('../package.json')
  process.stdout.write(`${name}/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else if (argv[0] === '__complete' && argv[1] === '--') {
  // a TAB in the shell (src/lib/completion/): answered from the built manifest without loading oclif,
  // so one answered from the completion cache costs little more than Node's start; silent on any failure
  import('../dist/lib/completion/answer.js').then(({answerFromManifest}) => answerFromManifest(argv.slice(2), join(__dirname, '..')), () => {})
} else {
  // the project's root, not this folder: oclif looks for the nearest package.json, and bin has its own
  loadOclif().then(({execute}) => execute({dir: join(__dirname, '..')}))
}

// @oclif/core is ≈100 CommonJS files; `npm run build` also writes it as one bundle, run through the V8
// code cache (dist/bundles/load-oclif-core.cjs), which loads in a fraction of the time. It goes into the
// require cache under the package's own file name, so our commands (require) and plugin-help and our
// hook (import(), which on Node reads a CommonJS file from the require cache: test/bin checks it) all
// get that one copy; a host CLI loading addonkit as a plugin never sees it. Not built: the package.
async function loadOclif() {
  const Module = require('node:module')
  let bundled
  try {
    bundled = require('../dist/bundles/load-oclif-core.cjs')
  } catch {
    return import('@oclif/core')
  }
  const file = require.resolve('@oclif/core')
  Module._cache[file] = Object.assign(new Module(file), {filename: file, exports: bundled, loaded: true})
  return bundled
}
