import {html} from '../html.js'
import {page, type Frame} from './layout.js'

// A refusal or failure, as a page: what happened, and a way back.
export function errorPage(title: string, reason: string, frame: Partial<Frame> = {}): string {
  return page({...frame, title}, html`<h1>${title}</h1>
<p>${reason}</p>
<p><a href="/dashboard/apps">Back to your apps</a></p>`)
}
