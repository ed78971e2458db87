// The completion scripts for bash, zsh and fish. Each is a small adapter: it hands the words typed so
// far (up to the cursor) to `BIN __complete --` and offers what comes back, one `value<TAB>description`
// a line; every decision is made by the CLI itself (lib/completion/), so the three shells complete
// alike and the scripts never go stale when commands change. stderr goes to /dev/null: nothing but
// candidates reaches the terminal.

export const SHELLS = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof SHELLS)[number]

// Shell function names cannot hold every character a bin may have.
const ident = (bin: string) => bin.replace(/[^A-Za-z0-9_]/g, '_')

export function completionScript(shell: Shell, bin: string): string {
  switch (shell) {
    case 'bash': return bashScript(bin)
    case 'zsh': return zshScript(bin)
    case 'fish': return fishScript(bin)
  }
}

// bash splits words at COMP_WORDBREAKS (`:` and `=` among them), which would cut `addons:create` and
// `--app=x` in pieces: the words are read from COMP_LINE instead, and each candidate is given back
// without the part of the word before its last break, which is what bash replaces.
function bashScript(bin: string): string {
  const fn = `_${ident(bin)}_complete`
  return `# ${bin} completion for bash: eval "$(${bin} autocomplete:script bash)" in ~/.bashrc
${fn}() {
  local line=\${COMP_LINE:0:COMP_POINT} cur='' breaks='' prefix='' value nospace=''
  local -a words
  read -ra words <<< "$line"
  if [[ -z $line || $line == *[[:space:]] ]]; then words+=(''); fi
  cur=\${words[\${#words[@]}-1]}
  [[ $COMP_WORDBREAKS == *:* ]] && breaks+=':'
  [[ $COMP_WORDBREAKS == *=* ]] && breaks+='='
  if [[ -n $breaks && $cur == *[$breaks]* ]]; then prefix=\${cur%"\${cur##*[$breaks]}"}; fi
  COMPREPLY=()
  while IFS= read -r value; do
    value=\${value%%$'\\t'*}
    [[ -z $value ]] && continue
    [[ $value == *[:=] ]] && nospace=1
    COMPREPLY+=("\${value#"$prefix"}")
  done < <(command ${bin} __complete -- "\${words[@]:1}" 2>/dev/null)
  [[ -n $nospace ]] && compopt -o nospace 2>/dev/null
  return 0
}
complete -F ${fn} ${bin}
`
}

// Loaded either with eval (after compinit) or from a file named _BIN in $fpath.
function zshScript(bin: string): string {
  const fn = `_${ident(bin)}`
  return `#compdef ${bin}
# ${bin} completion for zsh: eval "$(${bin} autocomplete:script zsh)" in ~/.zshrc, after compinit
${fn}() {
  local line value
  local -a values shown spaceless spaceless_shown
  for line in "\${(@f)$(command ${bin} __complete -- "\${(@)words[2,CURRENT-1]}" "$PREFIX" 2>/dev/null)}"; do
    [[ -z $line ]] && continue
    value=\${line%%$'\\t'*}
    if [[ $value == *[:=] ]]; then
      spaceless+=("$value")
      spaceless_shown+=("\${line/$'\\t'/  -- }")
    else
      values+=("$value")
      shown+=("\${line/$'\\t'/  -- }")
    fi
  done
  (( \${#values} )) && compadd -l -d shown -- "\${values[@]}"
  (( \${#spaceless} )) && compadd -l -S '' -d spaceless_shown -- "\${spaceless[@]}"
  return 0
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${bin}
fi
`
}

// fish shows `value<TAB>description` as it is, and adds no space after a trailing `:` or `=`.
function fishScript(bin: string): string {
  const fn = `__${ident(bin)}_complete`
  return `# ${bin} completion for fish: ${bin} autocomplete:script fish > ~/.config/fish/completions/${bin}.fish
function ${fn}
    set -l words (commandline -opc)
    set -e words[1]
    command ${bin} __complete -- $words (commandline -ct) 2>/dev/null
end
complete -c ${bin} -f -a '(${fn})'
`
}

// What `autocomplete SHELL` prints: how to turn completion on.
export function setupInstructions(shell: Shell, bin: string): string {
  switch (shell) {
    case 'bash':
      return `Add this line to ~/.bashrc, then open a new shell:

  eval "$(${bin} autocomplete:script bash)"

Or, with the bash-completion package, write the script where it loads it on demand:

  mkdir -p ~/.local/share/bash-completion/completions
  ${bin} autocomplete:script bash > ~/.local/share/bash-completion/completions/${bin}
`
    case 'zsh':
      return `Add this line to ~/.zshrc after compinit, then open a new shell:

  eval "$(${bin} autocomplete:script zsh)"

Or write it as _${bin} into a folder of your $fpath (before compinit runs):

  ${bin} autocomplete:script zsh > "\${fpath[1]}/_${bin}"
`
    case 'fish':
      return `Write the script where fish loads completions, then open a new shell:

  ${bin} autocomplete:script fish > ~/.config/fish/completions/${bin}.fish
`
  }
}
