#!/usr/bin/env node
import {createRequire} from 'node:module'
const require = createRequire(import.meta.url)
const t0 = performance.now()
const path = require.resolve('@oclif/core')
const bundled = require('../dist/oclif-core.cjs')
const Module = require('node:module')
const m = new Module(path)
m.filename = path
m.paths = Module._nodeModulePaths(path)
m.exports = bundled
m.loaded = true
require.cache[path] = m
const {execute} = await import('@oclif/core')
if (process.env.T) console.error('core', performance.now() - t0, execute === bundled.execute)
await execute({dir: import.meta.url})
