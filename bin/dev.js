#!/usr/bin/env -S node --import tsx --no-warnings
// Development entry: runs the TypeScript in src/ through tsx, so a change needs no build. The
// TypeScript support built into oclif cannot register tsx 4 for ES modules, so it is turned off and
// the plugins are assembled here: this package with its commands from src/commands and without the
// built manifest (it describes dist/), plus the core plugins package.json lists. (CommonJS, like
// run.js: bin/package.json.)
'use strict'
const {join} = require('node:path')
const {Config, execute, Plugin, settings} = require('@oclif/core')

async function main() {
  settings.enableAutoTranspile = false
  const root = join(__dirname, '..')
  const pjson = structuredClone(require('../package.json'))
  pjson.oclif.commands = './src/commands'
  pjson.oclif.hooks = {command_not_found: './src/hooks/command-not-found.ts'}

  const self = new Plugin({root, pjson, isRoot: true, ignoreManifest: true})
  const core = (pjson.oclif.plugins ?? []).map((name) => new Plugin({name, root, type: 'core'}))
  const plugins = [self, ...core]
  await Promise.all(plugins.map((plugin) => plugin.load()))
  const config = await Config.load({root, plugins: new Map(plugins.map((plugin) => [plugin.name, plugin]))})
  await execute({development: true, dir: root, loadOptions: config})
}

main()
