import {randomBytes} from 'node:crypto'
import {mkdir, open, rename, rm} from 'node:fs/promises'
import {dirname} from 'node:path'

// Write to a temporary file beside the target, flush it, then rename over the target: a reader
// (or a crash) sees either the old content or the new one, never half of it.
export async function writeFileAtomic(path: string, content: string | Buffer, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), {recursive: true})
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await open(temporary, 'w', mode)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}
