import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {coloured, json, plain} from '../../../src/lib/logs/render.js'

describe('log line rendering', () => {
  const tag = (name: string) => (text: string) => `<${name}>${text}</${name}>`
  const palette = {dim: tag('dim'), byName: {app: tag('cyan'), heroku: tag('magenta')}, others: [tag('green'), tag('yellow'), tag('blue')]}
  const line = (source: string, proc = 'web.1', message = 'hello') => ({id: '7', text: `2026-12-02T10:00:00.000001+00:00 ${source}[${proc}]: ${message}`})

  it('plain prints the line as it came', () => {
    assert.equal(plain(line('app')), '2026-12-02T10:00:00.000001+00:00 app[web.1]: hello\n')
  })

  it('coloured: the time dimmed, source[process]: in the source\'s colour, the message untouched', () => {
    const render = coloured(palette)
    assert.equal(render(line('app')), '<dim>2026-12-02T10:00:00.000001+00:00</dim> <cyan>app[web.1]:</cyan> hello\n')
    assert.equal(render(line('heroku', 'router')), '<dim>2026-12-02T10:00:00.000001+00:00</dim> <magenta>heroku[router]:</magenta> hello\n')
    // an add-on's colour depends on its name only: the same in every run and every process
    const again = coloured(palette)
    assert.equal(render(line('important-redis', 'worker.1')), again(line('important-redis', 'worker.1')))
    assert.match(render(line('important-redis')), /<(green|yellow|blue)>important-redis\[web\.1\]:<\/\1>/)
    assert.equal(render({id: undefined, text: 'not a log line'}), 'not a log line\n')
  })

  it('json: one object per line, and a line that is not a log line keeps its text as the message', () => {
    assert.deepEqual(JSON.parse(json(line('app', 'run.2', 'a: b'))), {id: '7', time: '2026-12-02T10:00:00.000001+00:00', source: 'app', process: 'run.2', message: 'a: b'})
    assert.deepEqual(JSON.parse(json({id: undefined, text: 'plain text'})), {id: null, time: null, source: null, process: null, message: 'plain text'})
  })
})
