// The dashboard's stylesheet: system fonts, light and dark from the system setting, visible focus,
// colours that keep a contrast of at least 4.5:1 in both schemes (axe checks them).
export const STYLESHEET = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa;
  --link: #0b57d0; --accent: #0b57d0; --accent-fg: #ffffff; --danger: #b42318; --danger-fg: #ffffff;
  --ok-bg: #dafbe1; --ok-fg: #116329; --wait-bg: #fff8c5; --wait-fg: #6f4400; --bad-bg: #ffebe9; --bad-fg: #a40e26;
  --focus: #0b57d0;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9ea7b3; --line: #3d444d; --panel: #161b22;
    --link: #6cb6ff; --accent: #4493f8; --accent-fg: #0d1117; --danger: #f47067; --danger-fg: #0d1117;
    --ok-bg: #12261e; --ok-fg: #7ee2a8; --wait-bg: #2e2608; --wait-fg: #f0c94c; --bad-bg: #3c1618; --bad-fg: #ff9b94;
    --focus: #6cb6ff;
  }
}
* { box-sizing: border-box; }
html { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--fg); }
body { margin: 0; }
a { color: var(--link); }
code, pre, kbd { font: 0.875rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.125rem; margin: 1.75rem 0 0.5rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0.5rem; background: var(--bg); padding: 0.5rem; }
.skip:focus { left: 0.5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.muted { color: var(--muted); }
.top { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; padding: 0.75rem 1.25rem; border-bottom: 1px solid var(--line); background: var(--panel); }
.top nav { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.brand { font-weight: 700; text-decoration: none; color: var(--fg); }
.app-header { padding: 0.75rem 1.25rem 0; border-bottom: 1px solid var(--line); }
.crumbs { margin: 0 0 0.5rem; }
.tabs ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.tabs a { display: inline-block; padding: 0.375rem 0 0.5rem; text-decoration: none; color: var(--fg); border-bottom: 3px solid transparent; }
.tabs a[aria-current="page"] { border-bottom-color: var(--accent); font-weight: 600; }
main { padding: 1.25rem; max-width: 72rem; }
main:focus { outline: none; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; }
td code { word-break: break-all; }
.badge { display: inline-block; padding: 0 0.5rem; border-radius: 1rem; font-size: 0.8125rem; font-weight: 600; white-space: nowrap; }
.badge.ok { background: var(--ok-bg); color: var(--ok-fg); }
.badge.wait { background: var(--wait-bg); color: var(--wait-fg); }
.badge.bad { background: var(--bad-bg); color: var(--bad-fg); }
.flash { padding: 0.75rem 1rem; border-radius: 0.375rem; margin: 0 0 1rem; border: 1px solid var(--line); }
.flash.notice { background: var(--ok-bg); color: var(--ok-fg); }
.flash.error { background: var(--bad-bg); color: var(--bad-fg); }
form.stack { display: grid; gap: 0.75rem; max-width: 36rem; margin: 0.5rem 0 1rem; }
form.row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0.5rem 0 1rem; }
form.inline { display: inline; margin: 0; }
label { display: grid; gap: 0.25rem; font-weight: 600; }
label.choice { display: flex; gap: 0.5rem; align-items: baseline; font-weight: 400; }
.hint { font-weight: 400; color: var(--muted); font-size: 0.875rem; }
input, select, textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--muted); border-radius: 0.375rem; padding: 0.375rem 0.5rem; min-width: 0; }
textarea { min-height: 5rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
fieldset { border: 1px solid var(--line); border-radius: 0.375rem; padding: 0.5rem 0.75rem; margin: 0; }
legend { font-weight: 600; padding: 0 0.25rem; }
button, .button { font: inherit; display: inline-block; padding: 0.375rem 0.875rem; border-radius: 0.375rem; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); cursor: pointer; text-decoration: none; }
button.secondary, .button.secondary { background: transparent; color: var(--link); }
button.danger, .button.danger { background: var(--danger); border-color: var(--danger); color: var(--danger-fg); }
button.link { background: none; border: none; padding: 0; color: var(--link); text-decoration: underline; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
.cli { margin-top: 2rem; border-top: 1px solid var(--line); }
.cli pre { background: var(--panel); border: 1px solid var(--line); border-radius: 0.375rem; padding: 0.5rem 0.75rem; margin: 0.25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.cards { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
.cards li { border: 1px solid var(--line); border-radius: 0.375rem; padding: 0.75rem; }
.plans { display: grid; gap: 0.5rem; }
.log { list-style: none; margin: 0.5rem 0; padding: 0.75rem; background: var(--panel); border: 1px solid var(--line); border-radius: 0.375rem; max-height: 32rem; overflow: auto; }
.log li { font: 0.8125rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; word-break: break-all; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.pager { display: flex; gap: 1rem; }
dialog { max-width: min(40rem, 92vw); border: 1px solid var(--line); border-radius: 0.5rem; background: var(--bg); color: var(--fg); padding: 1rem 1.25rem; }
dialog::backdrop { background: rgb(0 0 0 / 45%); }
@media (max-width: 40rem) {
  main { padding: 1rem 0.75rem; }
  .app-header, .top { padding-left: 0.75rem; padding-right: 0.75rem; }
  th, td { padding-right: 0.5rem; }
}
`
