// The dashboard's one way to write markup: `html` is a tagged template that escapes every value put
// into it unless the value is itself `Html` (built by `html`, so already escaped). A name, a config
// var value or a provider's message can therefore never become markup, whatever it holds. No
// tagged-template escaping library is installed (ejs is a string template engine), and this is small.
//
// The one rule for callers: interpolate into text or into a double-quoted attribute value
// (`href="${url}"`), never into an unquoted attribute, a tag name, a <script> or a <style>.
// test/platform/dashboard/html.test.ts holds the sources to it.

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c])
}

// Markup that is safe to send as it is.
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

// false, null and undefined render nothing, so `${cond && html`…`}` reads naturally; so does true.
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text
  if (value === null || value === undefined || typeof value === 'boolean') return ''
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]
  return new Html(out)
}

// A path inside the platform with every interpolated part URL-encoded (`/apps/${name}`), for
// href and action attributes: a name can never add a segment, a query or a scheme.
export function path(strings: TemplateStringsArray, ...parts: Array<string | number>): string {
  let out = strings[0]
  for (let i = 0; i < parts.length; i++) out += encodeURIComponent(String(parts[i])) + strings[i + 1]
  return out
}
