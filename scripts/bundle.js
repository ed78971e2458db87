// Build step after tsc: rewrites each dist/commands/**/*.js in place as one ES module holding the
// command, our src/lib code, got and cli-table3 (≈100 small files otherwise), so starting a command
// reads a handful of files instead of hundreds. Start-up figures: `npm run bench`.
//
// Kept out of the bundles, so they behave exactly as under tsc:
// - @oclif/core and every other dependency but got/debug/cli-table3: a host CLI that loads addonkit as a
//   plugin must share its one @oclif/core, and servers (fastify, pg, ...) resolve files at run time;
// - dist/platform/** and dist/providers/**: code that may locate files from import.meta.url.
// Bundled files stay where tsc put them; their imports of those files go through #dist/*.
//
// Then dist/oclif-core.cjs: @oclif/core as one CommonJS file (≈100 files otherwise), which bin/run.js
// loads in place of the package when addonkit runs on its own; a host CLI never loads it.
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join, relative, resolve, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {dependencyPatches, lazyHttp2Wrapper} from './bundle-patches.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, 'dist')
const INLINED_PACKAGES = new Set(['got', 'debug', 'cli-table3'])
const INLINED_DIRS = [join(DIST, 'commands'), join(DIST, 'lib')].map((d) => d + sep)

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
      // a lib file inlined into commands at other depths cannot keep its relative path: the package's
      // own import map (package.json "imports", #dist/*) names the file the same way from anywhere
      return {path: `#dist/${relative(DIST, target).split(sep).join('/')}`, external: true}
    })
  },
}

const result = await esbuild.build({
  entryPoints,
  outdir: join(DIST, 'commands'),
  outbase: join(DIST, 'commands'),
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  keepNames: true,
  // cli-table3 requires @colors/colors only to colour a table, which ours never are
  external: [...external, '@colors/colors'],
  plugins: [keepOtherDistFilesExternal, dependencyPatches, lazyHttp2Wrapper],
  // CommonJS packages inside (debug) call require() for node built-ins
  banner: {js: "import {createRequire as __addonkitRequire} from 'node:module';const require=__addonkitRequire(import.meta.url);"},
  logLevel: 'warning',
})
if (result.errors.length > 0) process.exit(1)
console.log(`bundle: ${entryPoints.length} commands in ${relative(ROOT, join(DIST, 'commands'))}`)

const core = await esbuild.build({
  entryPoints: [createRequire(join(ROOT, 'package.json')).resolve('@oclif/core')],
  outfile: join(DIST, 'oclif-core.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  keepNames: true,
  // read only to run TypeScript sources in development (bin/dev.js uses the real package)
  external: ['typescript'],
  logLevel: 'warning',
})
if (core.errors.length > 0) process.exit(1)
console.log(`bundle: @oclif/core in ${relative(ROOT, join(DIST, 'oclif-core.cjs'))}`)
