// Build step after tsc: each dist/commands/**/*.js becomes one CommonJS bundle in dist/bundles/commands
// holding the command, our src/lib code, got and cli-table3 (≈100 small files otherwise), and in its
// place oclif finds a three-line .cjs file that runs the bundle through the V8 code cache
// (src/lib/startup/run-bundle.cts; CommonJS throughout, so oclif requires it with no ES module
// resolution on the way). @oclif/core gets the same treatment in dist/bundles/oclif-core.cjs, loaded
// through dist/bundles/load-oclif-core.cjs by bin/run.js when addonkit runs on its own; a host CLI
// never loads it.
// Start-up figures: `npm run bench`.
//
// Kept out of the bundles, so they behave exactly as under tsc:
// - @oclif/core and every other dependency but got/debug/cli-table3/env-paths: a host CLI that loads
//   addonkit as a plugin must share its one @oclif/core, and servers (fastify, pg, ...) resolve files
//   at run time;
// - files under dist/ that a command loads with import() (the platform server): they stay ES modules
//   and are reached through the package import map (#dist/*), right from any bundle.
// Each `import(` in a bundle is written `__addonkitImport(`, which runBundle passes in: code compiled
// from a V8 code cache cannot call import() itself on Node 20.
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, relative, resolve, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Script} from 'node:vm'
import {dependencyPatches, lazyModules, unusedPatches} from './bundle-patches.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist')
const BUNDLES = join(DIST, 'bundles')
const INLINED_PACKAGES = new Set(['got', 'debug', 'cli-table3', 'env-paths'])
const INLINED_DIRS = [join(DIST, 'commands'), join(DIST, 'lib')].map((d) => d + sep)
const requireFromRoot = createRequire(join(ROOT, 'package.json'))
const DYNAMIC_IMPORT = /(?<![\w$.])import\s*\((?!\))/g

let esbuild
try {
  esbuild = await import('esbuild')
} catch {
  console.log('bundle: esbuild is not installed, leaving the tsc output unbundled')
  process.exit(0)
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const external = Object.keys(pkg.dependencies ?? {}).filter((name) => !INLINED_PACKAGES.has(name))
const entryPoints = readdirSync(join(DIST, 'commands'), {recursive: true})
  .map(String)
  .filter((file) => file.endsWith('.js'))
  .map((file) => join(DIST, 'commands', file))

const keepOtherDistFilesExternal = {
  name: 'keep-other-dist-files-external',
  setup(build) {
    build.onResolve({filter: /^\.\.?\//}, (args) => {
      const target = resolve(dirname(args.importer), args.path)
      if (!target.startsWith(DIST + sep) || INLINED_DIRS.some((dir) => target.startsWith(dir))) return undefined
      // helpers imported statically (manifest rules, SSO tokens) are plain functions: inlined
      if (args.kind !== 'dynamic-import') return undefined
      // a server loaded on demand stays an ES module; the package's own import map (package.json
      // "imports", #dist/*) names it the same way from any bundle
      return {path: `#dist/${relative(DIST, target).split(sep).join('/')}`, external: true}
    })
  },
}

// what both builds (the commands and @oclif/core) share
const CJS_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // whitespace and syntax only: identifiers keep their names, so nothing needs esbuild's keepNames,
  // which renamed every function and class again at load (≈1,300 defineProperty calls per command)
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
}

const result = await esbuild.build({
  entryPoints,
  outdir: join(BUNDLES, 'commands'),
  outbase: join(DIST, 'commands'),
  outExtension: {'.js': '.cjs'},
  ...CJS_BUNDLE,
  // cli-table3 requires @colors/colors only to colour a table, which ours never are
  external: [...external, '@colors/colors'],
  // runBundle passes the bundle's own URL (a netrc-parser lookup starts from it)
  define: {'import.meta.url': '__addonkitImportMetaUrl'},
  plugins: [keepOtherDistFilesExternal, dependencyPatches, lazyModules],
  metafile: true,
})
if (result.errors.length > 0) process.exit(1)
requireableExternals(result.metafile)
for (const entry of entryPoints) {
  const bundle = join(BUNDLES, 'commands', relative(join(DIST, 'commands'), entry)).replace(/\.js$/, '.cjs')
  writeBundleStub(entry.replace(/\.js$/, '.cjs'), bundle)
  rmSync(entry)
}
console.log(`bundle: ${entryPoints.length} commands in ${relative(ROOT, join(BUNDLES, 'commands'))}`)

const core = await esbuild.build({
  entryPoints: [requireFromRoot.resolve('@oclif/core')],
  outfile: join(BUNDLES, 'oclif-core.cjs'),
  ...CJS_BUNDLE,
  // read only to run TypeScript sources in development (bin/dev.js uses the real package)
  external: ['typescript'],
  plugins: [dependencyPatches, lazyModules],
})
if (core.errors.length > 0) process.exit(1)
if (unusedPatches().length > 0) {
  console.error(`bundle: no bundle loaded the file of these patches (scripts/bundle-patches.js): ${unusedPatches().join(', ')}`)
  process.exit(1)
}
writeBundleStub(join(BUNDLES, 'load-oclif-core.cjs'), join(BUNDLES, 'oclif-core.cjs'))
console.log(`bundle: @oclif/core in ${relative(ROOT, join(BUNDLES, 'oclif-core.cjs'))}`)

// A CommonJS bundle reaches a package it does not inline with require(), which before Node 20.19
// cannot load an ES module: a package whose require() resolves to one must be inlined
// (INLINED_PACKAGES) or imported with import(). Checked here, where it fails the build, rather than
// when someone on an older Node 20 first runs the command.
function requireableExternals(metafile) {
  const required = new Set()
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && imported.kind === 'require-call' && !imported.path.startsWith('node:') && !imported.path.startsWith('#')) required.add(imported.path)
    }
  }
  for (const name of required) {
    if (!isEsModule(requireFromRoot.resolve(name))) continue
    console.error(`bundle: the command bundles require ${name}, whose require() entry is an ES module: add it to INLINED_PACKAGES or import() it`)
    process.exit(1)
  }
}

function isEsModule(file) {
  if (file.endsWith('.mjs')) return true
  if (!file.endsWith('.js')) return false
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type === 'module'
    } catch {
      // no package.json here: the one above decides
    }
  }
  return false
}

// Rewrites the bundle's dynamic imports, checks it still parses, and writes the CommonJS file that runs
// it under its content hash (the name its code cache is kept under) and exports what it exports.
function writeBundleStub(stub, bundle) {
  const source = readFileSync(bundle, 'utf8').replace(DYNAMIC_IMPORT, '__addonkitImport(')
  new Script(`(function () {${source}\n})`, {filename: bundle})
  writeFileSync(bundle, source)
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16)
  const fromStub = (target) => {
    const path = relative(dirname(stub), target).split(sep).join('/')
    return path.startsWith('.') ? path : `./${path}`
  }
  mkdirSync(dirname(stub), {recursive: true})
  writeFileSync(
    stub,
    `// Written by scripts/bundle.js: the code is ${relative(DIST, bundle).split(sep).join('/')}, run through the V8 code cache.\n` +
      `const {runBundle} = require('${fromStub(join(DIST, 'lib', 'startup', 'run-bundle.cjs'))}')\n` +
      `module.exports = runBundle(require('node:path').join(__dirname, '${fromStub(bundle)}'), {hash: '${hash}'}).exports\n`,
  )
}
