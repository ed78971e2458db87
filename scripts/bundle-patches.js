// Speed fixes applied to dependencies as they are copied into the bundles (scripts/bundle.js);
// node_modules itself is never changed. Each one keeps what the code returns and only removes work a
// command paid on every start (oclif's start-up, got's validator) or per line of a long table (a fresh
// process runs all of it before V8 optimises anything; `npm run bench` has the figures). A patch whose
// text is no longer in the file, or whose file no bundle loaded (a new version of the package), fails
// the build, so it is never silently dropped.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

const patches = [
  {
    // oclif checks the Node version against its engines field on every start with semver.satisfies,
    // requiring all of semver for it (every function and range helper, ≈1 ms to load): only that one.
    file: /[\\/]node_modules[\\/]@oclif[\\/]core[\\/]lib[\\/]index\.js$/,
    replace: [["        const semver = require('semver');\n", "        const semver = { satisfies: require('semver/functions/satisfies') };\n"]],
  },
  {
    // got hands every request node:tls's checkServerIdentity when none is set, reading it from node:tls
    // even for http://, which loads node:tls (≈1 ms). It is now read when a certificate is checked.
    // (Leaving it out is not the same: tls.connect asserts that a key present is a function.)
    file: /[\\/]node_modules[\\/]got[\\/]dist[\\/]source[\\/]core[\\/]options\.js$/,
    replace: [
      [
        '            checkServerIdentity: https.checkServerIdentity ?? checkServerIdentity,\n',
        '            checkServerIdentity: https.checkServerIdentity ?? ((hostname, certificate) => checkServerIdentity(hostname, certificate)),\n',
      ],
    ],
  },
  {
    // oclif finds its core plugins by testing every dependency against each pattern in oclif.plugins
    // with minimatch, which parses the pattern anew for each test: ≈1.5 ms on every start. A pattern
    // that is a plain package name matches only that name, so it is compared as a string.
    file: /[\\/]node_modules[\\/]@oclif[\\/]core[\\/]lib[\\/]config[\\/]plugin-loader\.js$/,
    replace: [
      [
        '    return Object.keys(dependencies).filter((p) => patterns.some((w) => (0, minimatch_1.minimatch)(p, w)));\n',
        '    return Object.keys(dependencies).filter((p) => patterns.some((w) => (PACKAGE_NAME.test(w) ? p === w : (0, minimatch_1.minimatch)(p, w))));\n',
      ],
      ['function findMatchingDependencies(', 'const PACKAGE_NAME = /^(@[\\w.-]+\\/)?[\\w.-]+$/;\nfunction findMatchingDependencies('],
    ],
  },
  {
    // oclif sorts each plugin's commands with localeCompare on every start, and the first
    // localeCompare loads ICU's collation data: ≈6 ms, an eighth of what a command may take. Command
    // ids of lower-case letters and colons sort the same by code point in the root and English orders
    // (a colon before any letter), so those are compared directly when the locale is C, POSIX or
    // English; anything else still goes through localeCompare.
    file: /[\\/]node_modules[\\/]@oclif[\\/]core[\\/]lib[\\/]config[\\/]plugin\.js$/,
    replace: [
      [
        '            .sort((a, b) => a.id.localeCompare(b.id));\n',
        '            .sort((a, b) => (PLAIN_ORDER && PLAIN_ID.test(a.id) && PLAIN_ID.test(b.id) ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.id.localeCompare(b.id)));\n',
      ],
      [
        'class Plugin {',
        "const PLAIN_ID = /^[a-z]+(:[a-z]+)*$/;\nconst PLAIN_ORDER = /^(C|POSIX|en)?([._@-]|$)/i.test(process.env.LC_ALL || process.env.LC_COLLATE || process.env.LANG || '');\nclass Plugin {",
      ],
    ],
  },
  {
    // got validates its options with @sindresorhus/is, which builds two Intl.ListFormat at load time
    // for the wording of a type error: ICU's locale data then cost ≈5 ms on every start, type error or
    // not. Built on first use instead, same words.
    file: /[\\/]node_modules[\\/]@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/,
    replace: [
      [
        "const andFormatter = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });\nconst orFormatter = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });\n",
        "let listFormatters;\nconst formatters = () => (listFormatters ??= {and: new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }), or: new Intl.ListFormat('en', { style: 'long', type: 'disjunction' })});\n",
      ],
      ['${orFormatter.format(uniqueExpectedTypes)}', '${formatters().or.format(uniqueExpectedTypes)}'],
      ['${andFormatter.format(uniqueValueTypes)}', '${formatters().and.format(uniqueValueTypes)}'],
    ],
  },
  {
    // ansi-regex builds a new RegExp on every call, and cli-table3 measures each cell through
    // string-width -> strip-ansi -> ansi-regex. strip-ansi only hands the pattern to String#replace,
    // which starts from 0 on a global RegExp, so one compiled instance per option set is the same.
    file: /[\\/]node_modules[\\/]ansi-regex[\\/]index\.js$/,
    wrap: (source) =>
      `const __ansiRegexCache = new Map();\nconst __ansiRegexBuild = (() => { const module = {exports: {}}; ${source}; return module.exports })();\nmodule.exports = (options = {}) => { const key = Boolean(options.onlyFirst); if (!__ansiRegexCache.has(key)) __ansiRegexCache.set(key, __ansiRegexBuild(options)); return __ansiRegexCache.get(key) };\n`,
  },
  {
    file: /[\\/]node_modules[\\/]cli-table3[\\/]src[\\/]utils\.js$/,
    replace: [
      // printable ASCII is as wide as it is long (no ANSI code or wide character); on several lines (a
      // column of values in one cell), as wide as its longest line
      [
        'function strlen(str) {\n',
        "function strlen(str) {\n  if (typeof str === 'string' && /^[\\x20-\\x7e]*$/.test(str)) return str.length;\n  if (typeof str === 'string' && /^[\\x20-\\x7e\\n]*$/.test(str)) return str.split('\\n').reduce((widest, line) => Math.max(widest, line.length), 0);\n",
      ],
      // padding built with String#repeat instead of joining an array of times + 1 holes, per line
      ['  return Array(times + 1).join(str);\n', "  return times > 0 ? str.repeat(times) : '';\n"],
      // lines without an escape code carry no colour state from one line to the next
      ['function colorizeLines(input) {\n', "function colorizeLines(input) {\n  if (!input.some((line) => line.includes('\\x1b'))) return input.slice();\n"],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]cli-table3[\\/]src[\\/]table\.js$/,
    replace: [
      // each output line: the cells' parts joined with a loop, not a callback and an array per line
      [
        "  let line = [];\n  row.forEach(function (cell) {\n    line.push(cell.draw(lineNum));\n  });\n  let str = line.join('');\n",
        "  let str = '';\n  for (let i = 0; i < row.length; i++) str += row[i].draw(lineNum);\n",
      ],
      // tells src/lib/output/table.ts that a cell's length costs nothing extra here (see cell.js below)
      ['module.exports = Table;', 'Table.withoutDebugTruncation = true;\nmodule.exports = Table;'],
    ],
  },
  {
    file: /[\\/]node_modules[\\/]cli-table3[\\/]src[\\/]cell\.js$/,
    replace: [
      // option names were split and camel-cased on every lookup, fifteen times per cell
      [
        "  let nameA = nameB.split('-');\n  if (nameA.length > 1) {\n    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);\n    nameA = nameA.join('');\n",
        "  let nameA = CAMEL_NAMES.get(nameB);\n  if (nameA === undefined) CAMEL_NAMES.set(nameB, (nameA = camelCase(nameB)));\n  if (nameA !== nameB) {\n",
      ],
      ['function setOption(objA, objB, nameB, targetObj) {', "const CAMEL_NAMES = new Map();\nfunction camelCase(name) {\n  const parts = name.split('-');\n  if (parts.length > 1) parts[1] = parts[1].charAt(0).toUpperCase() + parts[1].substr(1);\n  return parts.join('');\n}\nfunction setOption(objA, objB, nameB, targetObj) {"],
      // the first value that is neither undefined nor null, without building an array per lookup
      [
        '    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);',
        '    targetObj[nameA] = objA[nameA] ?? objA[nameB] ?? objB[nameA] ?? objB[nameB] ?? undefined;',
      ],
      ['    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);', '    targetObj[nameB] = objA[nameB] ?? objB[nameB] ?? undefined;'],
      // fifteen border characters copied into every cell: cells without characters of their own share
      // the table's set, worked out once (cells only read it)
      [
        "    let chars = (this.chars = {});\n    CHAR_NAMES.forEach(function (name) {\n      setOption(optionsChars, tableChars, name, chars);\n    });\n",
        "    let chars = this.options.chars ? undefined : SHARED_CHARS.get(tableChars);\n    if (!chars) {\n      chars = {};\n      CHAR_NAMES.forEach(function (name) {\n        setOption(optionsChars, tableChars, name, chars);\n      });\n      if (!this.options.chars) SHARED_CHARS.set(tableChars, chars);\n    }\n    this.chars = chars;\n",
      ],
      ['const CAMEL_NAMES = new Map();', 'const CAMEL_NAMES = new Map();\nconst SHARED_CHARS = new WeakMap();'],
      // a line of printable ASCII that fits its left-aligned cell, beside no spanning cell: the text
      // the general path builds (truncate and pad both leave it as is but for the padding), without
      // measuring it twice and four helper calls, once per line of every cell
      [
        '  drawLine(lineNum, drawRight, forceTruncationSymbol, spanningCell) {\n',
        "  drawLine(lineNum, drawRight, forceTruncationSymbol, spanningCell) {\n    if (!forceTruncationSymbol && !(this.x && spanningCell && this.cells) && this.hAlign !== 'right' && this.hAlign !== 'center') {\n      const line = this.lines[lineNum];\n      const len = this.width - (this.paddingLeft + this.paddingRight);\n      if (typeof line === 'string' && line.length <= len && /^[\\x20-\\x7e]*$/.test(line)) {\n        const content = ' '.repeat(this.paddingLeft) + line + ' '.repeat(len - line.length) + ' '.repeat(this.paddingRight);\n        return this.stylizeLine(this.chars[this.x == 0 ? 'left' : 'middle'], content, drawRight ? this.chars['right'] : '');\n      }\n    }\n",
      ],
      // the cell's text cut to 10 columns, built for a debug message only (Table.debugMessages, which
      // addonkit never reads): truncating shortens the text one character at a time, measuring each time
      ['let content = utils.truncate(this.content, 10, this.truncate);', 'let content = this.content;'],
    ],
  },
]

function apply(patch, path, source) {
  if (patch.wrap) return patch.wrap(source)
  let patched = source
  for (const [from, to] of patch.replace) {
    if (patched.split(from).length !== 2) throw new Error(`bundle patch: the text to replace is not in ${path} once: ${from.split('\n')[0]}`)
    patched = patched.replace(from, () => to)
  }
  return patched
}

// Modules the bundles load only on first use, through a stand-in that requires the real one when
// a property is first read. got imports them at start-up for what addonkit's requests rarely or never
// need: http2-wrapper (and node:http2) for the `http2` option, which addonkit never sets; node:https and
// node:tls only for an https:// platform (the local one is http://). oclif: node:readline only to read
// a value from stdin, node:perf_hooks only when its performance tracing is turned on, tinyglobby only
// to find commands when there is no manifest (ours is built). (node:zlib and node:child_process cannot
// wait: packages read them at load.)
const LAZY_MODULES = ['http2-wrapper', 'node:https', 'node:tls', 'node:readline', 'node:perf_hooks', 'tinyglobby']

// The stand-in has one getter per export the real module has (listed at build time), so both
// `require(name).fn` and esbuild's ES-module view of it (`import {fn} from name`) find every export.
const requireFromRoot = createRequire(new URL('../package.json', import.meta.url))

export const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_MODULES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`)
    build.onResolve({filter}, (args) =>
      args.namespace === 'lazy-modules' ? {path: args.path, external: true} : {path: args.path, namespace: 'lazy-modules'})
    build.onLoad({filter: /.*/, namespace: 'lazy-modules'}, (args) => {
      const names = Object.keys(requireFromRoot(args.path))
      const getters = names.map((name) => `${JSON.stringify(name)}: {enumerable: true, get: () => load()[${JSON.stringify(name)}]}`)
      return {
        contents: `let real; const load = () => (real ??= require(${JSON.stringify(args.path)}));\nObject.defineProperties(module.exports, {${getters.join(', ')}});\n`,
        loader: 'js',
      }
    })
  },
}

const applied = new Set()

// The patches no bundle used: their file is gone or moved (a new version of the package), which must
// fail the build as loudly as a patch whose text is gone.
export function unusedPatches() {
  return patches.filter((patch) => !applied.has(patch)).map((patch) => String(patch.file))
}

// esbuild plugin: loads each matched file with its patch applied
export const dependencyPatches = {
  name: 'dependency-patches',
  setup(build) {
    for (const patch of patches) {
      build.onLoad({filter: patch.file}, (args) => {
        applied.add(patch)
        return {contents: apply(patch, args.path, readFileSync(args.path, 'utf8')), loader: 'js'}
      })
    }
  },
}
