import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {suggestCommands} from '../../src/lib/command-suggestions.js'

const KNOWN = ['addons', 'addons:attach', 'addons:create', 'addons:info', 'addons:wait', 'config', 'config:get', 'config:set', 'apps']

describe('suggestCommands', () => {
  it('names the command a typo was meant to be', () => {
    assert.deepEqual(suggestCommands('adons', KNOWN), ['addons'])
    assert.deepEqual(suggestCommands('confg', KNOWN), ['config'])
  })

  it('offers the command an unknown subcommand extends, after the close typos', () => {
    assert.deepEqual(suggestCommands('addons:list', KNOWN), ['addons'])
    assert.deepEqual(suggestCommands('addons:craete', KNOWN), ['addons:create', 'addons'])
    assert.deepEqual(suggestCommands('config:got', KNOWN), ['config:get', 'config:set', 'config'])
  })

  it('suggests nothing for a word far from every command', () => {
    assert.deepEqual(suggestCommands('frobnicate', KNOWN), [])
    assert.deepEqual(suggestCommands('x', KNOWN), [])
  })
})
