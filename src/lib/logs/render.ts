import {parseLogLine} from '../../wire/logplex.js'

// One line of a log stream as it arrived: the event's id and one line of its data.
export interface StreamLine {
  id: string | undefined
  text: string
}

export type Renderer = (line: StreamLine) => string

// `TIME SOURCE[PROC]: MSG`, as the stream sent it.
export const plain: Renderer = ({text}) => `${text}\n`

// One JSON object per line. A line that is not `TIME SOURCE[PROC]: MSG` keeps its text as the message.
export const json: Renderer = ({id, text}) => {
  const line = parseLogLine(text)
  return `${JSON.stringify({id: id ?? null, time: line?.time ?? null, source: line?.source ?? null, process: line?.process ?? null, message: line?.message ?? text})}\n`
}

type Paint = (text: string) => string
interface Palette {
  dim: Paint
  byName: Record<string, Paint>
  others: Paint[]
}

// Colours per source, the same every time: the platform's own sources have theirs, an add-on's
// name picks one of the others by its letters. The time is dimmed and the message left as it is.
export function coloured(palette: Palette): Renderer {
  const cache = new Map<string, Paint>()
  const paintFor = (source: string): Paint => {
    let paint = cache.get(source)
    if (!paint) {
      paint = palette.byName[source] ?? palette.others[hash(source) % palette.others.length]
      cache.set(source, paint)
    }
    return paint
  }
  return ({text}) => {
    const line = parseLogLine(text)
    if (!line) return `${text}\n`
    return `${palette.dim(line.time)} ${paintFor(line.source)(`${line.source}[${line.process}]:`)} ${line.message}\n`
  }
}

// ansis is loaded only when a terminal is there to show colours.
async function ansiPalette(): Promise<Palette> {
  const {default: ansis} = await import('ansis')
  return {
    dim: ansis.gray,
    byName: {app: ansis.cyan, heroku: ansis.magenta},
    others: [ansis.green, ansis.yellow, ansis.blue, ansis.redBright, ansis.greenBright, ansis.yellowBright, ansis.blueBright, ansis.magentaBright],
  }
}

function hash(text: string): number {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0
  return h
}

// --json, colours (a terminal, and no NO_COLOR), or the lines as they came.
export async function rendererFor(options: {json: boolean; colour: boolean}): Promise<Renderer> {
  if (options.json) return json
  return options.colour ? coloured(await ansiPalette()) : plain
}
