import assert from 'node:assert/strict'
import {describe, test} from 'node:test'
import {
  formatLogLine, httpsDrainFrame, inputFrame, logTime, MalformedFrames, MAX_FRAME_BYTES, parseDrainBody, parseInputBody, parseLogLine,
  splitFrames, syslogDrainFrame, type LogLine,
} from '../../src/wire/logplex.js'

// Logplex's wire formats, table by table: what a body of frames parses to (or why it is refused), and
// the exact bytes the formatters write. Message counts and gzip are the route's job
// (test/platform/logs/log-input.test.ts).

const TIME = '2026-12-02T10:00:00.123456+00:00'
// an input frame's RFC 5424 message (no length prefix)
const message = (msg: string, head = `<190>1 ${TIME} loggy app worker.1 - -`) => `${head} ${msg}`
// octet counting done by hand, so the tests do not trust the formatter they check
const framed = (text: string) => `${Buffer.byteLength(text)} ${text}`
const body = (...texts: string[]) => Buffer.from(texts.map(framed).join(''))
const refusal = (reason: RegExp) => (error: unknown) => error instanceof MalformedFrames && /^Malformed log messages: /.test(error.message) && reason.test(error.message)

describe('splitFrames: octet counting counts bytes', () => {
  const cases: [string, string, number][] = [
    ['ASCII', 'plain', 0],
    ['é (2 bytes)', 'café', 1],
    ['✓ (3 bytes)', 'done ✓', 2],
    // two UTF-16 units, so 2 more bytes than its .length says
    ['emoji (4 bytes, a surrogate pair in JavaScript)', 'shipped 🚀', 2],
    ['all of them', 'é✓🚀é✓🚀', 10],
  ]
  for (const [name, msg, extraBytes] of cases) {
    test(name, () => {
      const text = message(msg)
      assert.equal(Buffer.byteLength(text), text.length + extraBytes)
      const frame = inputFrame({time: TIME, host: 'loggy', app: 'app', process: 'worker.1', message: msg})
      assert.equal(frame, framed(text))
      assert.deepEqual(splitFrames(Buffer.from(frame)).map((f) => f.toString('utf8')), [text])
      assert.equal(parseInputBody(Buffer.from(frame))[0].message, msg)
    })
  }

  test('a length counted in characters instead of bytes is refused', () => {
    const text = message('café ✓')
    // the frame ends early and its last bytes are taken for the next frame's length
    assert.throws(() => parseInputBody(Buffer.from(`${text.length} ${text}`)), refusal(/frame 2 does not start with its byte length/))
    assert.throws(() => parseInputBody(Buffer.from(`${text.length} ${text}${framed(message('next'))}`)), refusal(/frame 2 does not start/))
  })
})

describe('splitFrames: sizes and boundaries', () => {
  // a frame of exactly `bytes`, padded with a multi-byte character up to the last byte or two
  const frameOf = (bytes: number) => {
    const head = message('')
    const room = bytes - Buffer.byteLength(head)
    const text = head + '✓'.repeat(Math.floor(room / 3)) + 'x'.repeat(room % 3)
    assert.equal(Buffer.byteLength(text), bytes)
    return text
  }

  test(`a frame of exactly ${MAX_FRAME_BYTES} bytes is accepted`, () => {
    const text = frameOf(MAX_FRAME_BYTES)
    const [parsed] = parseInputBody(Buffer.from(framed(text)))
    assert.equal(Buffer.byteLength(parsed.message), MAX_FRAME_BYTES - Buffer.byteLength(message('')))
  })

  test(`a frame of ${MAX_FRAME_BYTES + 1} bytes is refused, even with good frames around it`, () => {
    const big = frameOf(MAX_FRAME_BYTES + 1)
    assert.throws(() => splitFrames(Buffer.from(framed(big))), refusal(/frame 1 is 10241 bytes \(at most 10240\)/))
    assert.throws(() => parseInputBody(body(message('before'), big, message('after'))), refusal(/frame 2 is 10241 bytes/))
  })

  test('an oversized length is refused before the body is read (no cut-short frame is waited for)', () => {
    assert.throws(() => splitFrames(Buffer.from('999999 <190>1')), refusal(/is 999999 bytes/))
    assert.throws(() => splitFrames(Buffer.from('1000000 <190>1')), refusal(/does not start with its byte length/))
  })

  test('an empty body is zero frames', () => {
    assert.deepEqual(splitFrames(Buffer.alloc(0)), [])
    assert.deepEqual(parseInputBody(Buffer.alloc(0)), [])
    assert.deepEqual(parseDrainBody(Buffer.alloc(0)), [])
  })

  test('1,000 frames in one body, in order', () => {
    const texts = Array.from({length: 1000}, (_, i) => message(`line ${i} ✓`, `<190>1 ${TIME} loggy app web.${(i % 7) + 1} - -`))
    const parsed = parseInputBody(body(...texts))
    assert.equal(parsed.length, 1000)
    assert.deepEqual(parsed[0], {pri: 190, time: TIME, host: 'loggy', app: 'app', process: 'web.1', message: 'line 0 ✓'})
    assert.deepEqual(parsed[999], {pri: 190, time: TIME, host: 'loggy', app: 'app', process: 'web.6', message: 'line 999 ✓'})
    assert.deepEqual(parsed.map((m) => m.message), texts.map((_, i) => `line ${i} ✓`))
  })
})

describe('splitFrames: refused bodies', () => {
  const good = framed(message('good'))
  const cases: [string, string, RegExp][] = [
    ['no length at all', message('no length'), /frame 1 does not start with its byte length/],
    ['a length with no space after it', '12', /frame 1 does not start with its byte length/],
    ['a non-digit start', `x${good}`, /frame 1 does not start/],
    ['a length with a leading zero', `0${good}`, /frame 1 does not start/],
    ['a zero length', `0 ${message('zero')}`, /frame 1 does not start/],
    ['a negative length', `-5 hello`, /frame 1 does not start/],
    ['a length followed by a tab', `${good.split(' ')[0]}\t${message('tab')}`, /frame 1 does not start/],
    ['a second frame with no length', good + message('second'), /frame 2 does not start/],
    ['a newline between frames', `${good}\n${good}`, /frame 2 does not start/],
    ['a frame cut short', good.slice(0, -1), /frame 1 is cut short/],
    ['a good frame then one cut short', `${good}${good.slice(0, 10)}`, /frame 2 is cut short/],
    ['a length and nothing after it', `${good}20 `, /frame 2 is cut short/],
  ]
  for (const [name, text, reason] of cases) {
    test(name, () => {
      assert.throws(() => splitFrames(Buffer.from(text)), refusal(reason))
      // a body is taken whole or not at all
      assert.throws(() => parseInputBody(Buffer.from(text)), MalformedFrames)
    })
  }
})

describe('parseInputMessage: RFC 5424 input frames', () => {
  const accepted: [string, string, Partial<ReturnType<typeof parseInputBody>[number]>][] = [
    ['log-shuttle\'s form', `<190>1 ${TIME} host app web.1 - - hello`, {pri: 190, host: 'host', app: 'app', process: 'web.1', message: 'hello'}],
    ['another PRI and MSGID', `<13>1 ${TIME} h a run.3 msgid - x`, {pri: 13, process: 'run.3', message: 'x'}],
    ['PRI 191, the highest', `<191>1 ${TIME} h a p - - x`, {pri: 191}],
    ['structured data skipped, an escaped ] inside its quotes', `<190>1 ${TIME} h a p - [id k="v \\] x"] the message`, {message: 'the message'}],
    ['an unescaped ] inside quotes', `<190>1 ${TIME} h a p - [id k="a]b"] m`, {message: 'm'}],
    ['an escaped quote and backslash', `<190>1 ${TIME} h a p - [id k="a\\"b" j="c\\\\"] m`, {message: 'm'}],
    ['several SD elements', `<190>1 ${TIME} h a p - [a x="1"][b@32473 y="2"] m`, {message: 'm'}],
    ['an SD element without params', `<190>1 ${TIME} h a p - [origin] m`, {message: 'm'}],
    ['spaces in the message kept', `<190>1 ${TIME} h a p - -  two  spaces `, {message: ' two  spaces '}],
    ['brackets in the message', `<190>1 ${TIME} h a p - - [not sd] k="v"`, {message: '[not sd] k="v"'}],
    ['a trailing newline stripped', `<190>1 ${TIME} h a p - - msg\n`, {message: 'msg'}],
    ['a trailing CRLF stripped', `<190>1 ${TIME} h a p - - msg\r\n`, {message: 'msg'}],
    ['only one trailing newline stripped', `<190>1 ${TIME} h a p - - msg\n\n`, {message: 'msg\n'}],
    ['an empty message', `<190>1 ${TIME} h a p - -`, {message: ''}],
    ['an empty message after a space', `<190>1 ${TIME} h a p - - `, {message: ''}],
    ['an empty message, newline only', `<190>1 ${TIME} h a p - -\n`, {message: ''}],
    ['SD then the end', `<190>1 ${TIME} h a p - [id k="v"]`, {message: ''}],
    ['multi-byte fields', `<190>1 ${TIME} hôst äpp wörker.1 - - ✓`, {host: 'hôst', app: 'äpp', process: 'wörker.1', message: '✓'}],
  ]
  for (const [name, text, expected] of accepted) {
    test(`accepts ${name}`, () => {
      const [parsed] = parseInputBody(body(text))
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(parsed[key as keyof typeof parsed], value, key)
      assert.equal(parsed.time, TIME)
    })
  }

  const refused: [string, string][] = [
    ['no PRI', `${TIME} h a p - - m`],
    ['PRI above 191', `<192>1 ${TIME} h a p - - m`],
    ['a PRI of four digits', `<0190>1 ${TIME} h a p - - m`],
    ['version 2', `<190>2 ${TIME} h a p - - m`],
    ['an RFC 3164 message', `<190>Dec  2 10:00:00 host app: m`],
    ['a header cut short', `<190>1 ${TIME} h a p`],
    ['no structured data field', `<190>1 ${TIME} h a p -`],
    ['structured data neither - nor [', `<190>1 ${TIME} h a p - x m`],
    ['structured data left open', `<190>1 ${TIME} h a p - [id k="v"`],
    ['a quote left open in structured data', `<190>1 ${TIME} h a p - [id k="v] m`],
    ['an escape at the very end', `<190>1 ${TIME} h a p - [id k="v\\`],
    ['- glued to the message', `<190>1 ${TIME} h a p - --verbose`],
    ['an SD element glued to the message', `<190>1 ${TIME} h a p - [id]m`],
  ]
  for (const [name, text] of refused) {
    test(`refuses ${name}`, () => {
      assert.throws(() => parseInputBody(body(text)), refusal(/not an RFC 5424 message|malformed structured data/))
      assert.throws(() => parseInputBody(body(message('good'), text)), MalformedFrames)
    })
  }
})

describe('inputFrame', () => {
  test('writes log-shuttle\'s form with PRI 190 and a byte count', () => {
    assert.equal(inputFrame({time: TIME, host: 'loggy', app: 'app', process: 'worker.1', message: 'é'}), `65 <190>1 ${TIME} loggy app worker.1 - - é`)
    assert.equal(inputFrame({time: TIME, host: 'h', app: 'a', process: 'p', message: 'm', pri: 13}), framed(`<13>1 ${TIME} h a p - - m`))
  })

  test('fields never hold spaces or go empty; a message stays on one line', () => {
    const frame = inputFrame({time: TIME, host: '', app: 'my app', process: 'web\t1', message: 'one\ntwo\r\nthree'})
    assert.equal(frame, framed(`<190>1 ${TIME} - my_app web_1 - - one two three`))
    assert.deepEqual(parseInputBody(Buffer.from(frame))[0], {pri: 190, time: TIME, host: '-', app: 'my_app', process: 'web_1', message: 'one two three'})
  })

  test('without a time, it stamps the current one in Heroku\'s form', () => {
    const [parsed] = parseInputBody(Buffer.from(inputFrame({host: 'h', app: 'a', process: 'p', message: 'now'})))
    assert.match(parsed.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/)
  })
})

describe('drain frames', () => {
  // Logplex's documented HTTPS drain example, byte for byte
  const CANONICAL = '83 <40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up\n'
  const canonicalLine: LogLine = {time: '2012-11-30T06:45:29+00:00', source: 'app', process: 'web.3', message: 'State changed from starting to up'}

  test('the canonical Logplex example parses', () => {
    assert.deepEqual(parseDrainBody(Buffer.from(CANONICAL)), [{pri: 40, time: '2012-11-30T06:45:29+00:00', host: 'host', source: 'app', process: 'web.3', message: 'State changed from starting to up'}])
  })

  test('httpsDrainFrame with PRI 40 writes the canonical example exactly', () => {
    assert.equal(httpsDrainFrame(canonicalLine, 40), CANONICAL)
  })

  const lines: [string, LogLine, string][] = [
    ['an add-on\'s line', {time: TIME, source: 'important-redis', process: 'worker.1', message: 'sample#used_memory=1.2MB'}, `<190>1 ${TIME} host important-redis worker.1 - sample#used_memory=1.2MB\n`],
    ['multi-byte characters', {time: TIME, source: 'app', process: 'run.1', message: 'café ✓ 🚀'}, `<190>1 ${TIME} host app run.1 - café ✓ 🚀\n`],
    ['an empty message', {time: TIME, source: 'heroku', process: 'router', message: ''}, `<190>1 ${TIME} host heroku router - \n`],
    ['a message of several lines', {time: TIME, source: 'app', process: 'web.1', message: 'a\nb'}, `<190>1 ${TIME} host app web.1 - a b\n`],
  ]
  for (const [name, line, text] of lines) {
    test(`HTTPS drain: ${name} (the length counts the newline)`, () => {
      const frame = httpsDrainFrame(line)
      assert.equal(frame, `${Buffer.byteLength(text)} ${text}`)
      const [parsed] = parseDrainBody(Buffer.from(frame))
      assert.deepEqual(parsed, {pri: 190, time: line.time, host: 'host', source: line.source, process: line.process, message: line.message.replace('\n', ' ')})
    })
  }

  test('HTTPS drain: a batch of frames back to back', () => {
    const batch = lines.map(([, line]) => httpsDrainFrame(line)).join('') + CANONICAL
    assert.deepEqual(parseDrainBody(Buffer.from(batch)).map((m) => m.message), ['sample#used_memory=1.2MB', 'café ✓ 🚀', '', 'a b', 'State changed from starting to up'])
  })

  test('syslog drain: HOSTNAME is the drain token, SD is -, the length counts the newline', () => {
    const token = 'd.01234567-89ab-4def-8123-456789abcdef'
    const line: LogLine = {time: TIME, source: 'app', process: 'web.1', message: 'héllo ✓'}
    const text = `<190>1 ${TIME} ${token} app web.1 - - héllo ✓\n`
    assert.equal(syslogDrainFrame(line, token), `${Buffer.byteLength(text)} ${text}`)
    assert.equal(syslogDrainFrame(line, token, 40), framed(text.replace('<190>', '<40>')))
    assert.deepEqual(parseDrainBody(Buffer.from(syslogDrainFrame(line, token)), 'syslog'), [{pri: 190, time: TIME, host: token, source: 'app', process: 'web.1', message: 'héllo ✓'}])
    assert.deepEqual(parseDrainBody(Buffer.from(syslogDrainFrame({...line, message: ''}, token)), 'syslog')[0].message, '')
  })

  test('an oversized or cut-short drain body is refused like an input body', () => {
    assert.throws(() => parseDrainBody(Buffer.from(CANONICAL.slice(0, -1))), refusal(/cut short/))
    assert.throws(() => parseDrainBody(Buffer.from(CANONICAL.slice(3))), refusal(/does not start/))
  })
})

describe('formatLogLine and parseLogLine', () => {
  const cases: [string, LogLine, string][] = [
    ['an app line', {time: TIME, source: 'app', process: 'api', message: 'Set FOO config vars by user@example.com'}, `${TIME} app[api]: Set FOO config vars by user@example.com`],
    ['an add-on line', {time: TIME, source: 'important-redis', process: 'worker.1', message: 'sample#used_memory=1.2MB'}, `${TIME} important-redis[worker.1]: sample#used_memory=1.2MB`],
    ['brackets and colons in the message', {time: TIME, source: 'app', process: 'web.1', message: 'x[y]: z] [a'}, `${TIME} app[web.1]: x[y]: z] [a`],
    ['a leading space in the message', {time: TIME, source: 'app', process: 'run.2', message: '  indented'}, `${TIME} app[run.2]:   indented`],
    ['an empty message', {time: TIME, source: 'heroku', process: 'router', message: ''}, `${TIME} heroku[router]: `],
    ['an empty process', {time: TIME, source: 'app', process: '', message: 'm'}, `${TIME} app[]: m`],
    ['multi-byte characters', {time: TIME, source: 'app', process: 'web.1', message: 'é ✓ 🚀'}, `${TIME} app[web.1]: é ✓ 🚀`],
    ['a message of several lines', {time: TIME, source: 'app', process: 'web.1', message: 'a\nb'}, `${TIME} app[web.1]: a\nb`],
  ]
  for (const [name, line, printed] of cases) {
    test(`round trip: ${name}`, () => {
      assert.equal(formatLogLine(line), printed)
      assert.deepEqual(parseLogLine(printed), line)
    })
  }

  for (const text of ['', 'not a log line', `${TIME} app: no process`, `${TIME} app[web.1 no close`, `${TIME}`]) {
    test(`not a line: ${JSON.stringify(text)}`, () => assert.equal(parseLogLine(text), undefined))
  }
})

describe('logTime', () => {
  const cases: [string, string][] = [
    ['2026-12-02T10:00:00.123Z', '2026-12-02T10:00:00.123000+00:00'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000000+00:00'],
    ['2012-11-30T06:45:29.999Z', '2012-11-30T06:45:29.999000+00:00'],
  ]
  for (const [iso, expected] of cases) test(iso, () => assert.equal(logTime(new Date(iso)), expected))

  test('now, in microseconds and +00:00', () => {
    assert.match(logTime(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}000\+00:00$/)
  })
})
