import {html} from '../html.js'
import {page} from './layout.js'

export interface SignInView {
  // where the browser goes once signed in (a dashboard path, already checked)
  next?: string
  error?: string
  signedOut?: boolean
}

// Signing in with the account's API key, or (the easy way) with `addonkit dashboard`.
export function signInPage(view: SignInView): string {
  const openingAddon = view.next !== undefined && /^\/dashboard\/addons\/[^/]+\/open$/.test(view.next)
  const notice = view.signedOut ? {kind: 'notice' as const, text: 'You signed out.'} : view.error ? {kind: 'error' as const, text: view.error} : null
  return page({title: 'Sign in', flash: notice, cli: ['addonkit dashboard', 'addonkit dashboard --show-url']}, html`
<h1>Sign in to the dashboard</h1>
${openingAddon && html`<p>Sign in to open this add-on's dashboard: you go on to it right after.</p>`}
<p>Run <code>addonkit dashboard</code> in a terminal to open the dashboard already signed in${openingAddon ? ', then reload this page' : ''}, or sign in with your API key.</p>
<form method="post" action="/dashboard/login" class="stack">
${view.next && html`<input type="hidden" name="next" value="${view.next}">`}
<label>API key <span class="hint">the key the CLI uses (platform.json, or ADDONKIT_API_KEY)</span>
<input name="api_key" type="password" autocomplete="current-password" required></label>
<div><button type="submit">Sign in</button></div>
</form>`)
}
