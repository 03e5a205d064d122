#!/usr/bin/env bash
# Holds the man page (packaging/loa.1) and bash completion (packaging/loa.bash-completion)
# to the command table the parser reads, through what `loa ... --help` prints from it:
# every command and subcommand has its synopsis in the man page, exactly as `--help`
# shows it (options and the words an option takes), and completion offers the same
# commands, subcommands, options and option words.
#
#   bash tests/e2e/cli_table_test.sh LOA SOURCE_DIR
set -uo pipefail
shopt -s extglob
(($# == 2)) || { echo "usage: $0 LOA SOURCE_DIR" >&2; exit 2; }
loa=$1
src=$2
# The same words and order whatever the machine's locale; completion's own calls of
# `loa` (announcement ids) reach the binary under test, not one installed elsewhere.
export LC_ALL=C.UTF-8
PATH="$(dirname "$(realpath "$loa")"):$PATH"
work=$(mktemp -d "${TMPDIR:-/tmp}/loa-cli-table.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
passed=0
failures=()
ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
bad() { failures+=("$1"); printf 'FAIL: %s\n' "$1"; }

# The words of a help section ("commands:", "subcommands:"): each line's first word.
section_words() { awk -v s="$1" '$0 == s {f = 1; next} f && /^  [a-z]/ {print $1} f && /^$/ {exit}'; }
# The options of `--help` as "NAME VALUE" lines (VALUE empty for a flag), aliases as their own line.
help_options() {
    awk '/^options:$/ {f = 1; next} f && /^$/ {exit}
         f && /^  -/ {
             line = substr($0, 3); sub(/  .*/, "", line); n = split(line, w, " ")
             value = (n > 1 && w[n] !~ /^-/) ? w[n] : ""
             for (i = 1; i <= n; i++) if (w[i] ~ /^-/) { name = w[i]; sub(/,$/, "", name); print name " " value }
         }' | grep -v -- '^-h \|^--help '
}
sorted() { tr ' ' '\n' | grep -v '^$' | sort -u | tr '\n' ' '; }

# shellcheck source=/dev/null
source "$src/packaging/loa.bash-completion"
# complete WORD...: what completion offers when the last WORD is being typed.
complete_words() {
    COMP_WORDS=(loa "$@")
    COMP_CWORD=$#
    COMPREPLY=()
    _loa 2>/dev/null
    printf '%s\n' "${COMPREPLY[@]}"
}

man_page=$src/packaging/loa.1
# The man page's synopses, with troff's \- as -.
synopses_of() { sed -n 's/^\.SS "\(loa .*\)"$/\1/p' "$1" | sed 's/\\-/-/g'; }
man_synopses=$(synopses_of "$man_page")
# The Vietnamese man page has the same synopses, in the same order.
vi_synopses=$(synopses_of "$src/packaging/loa.vi.1")
[[ $vi_synopses == "$man_synopses" ]] && ok "loa.vi.1 has loa.1's synopses" ||
    bad "loa.vi.1's synopses differ from loa.1's: $(diff <(echo "$man_synopses") <(echo "$vi_synopses") | head -c 1000)"


mapfile -t commands < <("$loa" --help | section_words "commands:")
((${#commands[@]} > 10)) && ok "loa --help lists ${#commands[@]} commands" || bad "loa --help lists: ${commands[*]}"
want=$(printf '%s ' "${commands[@]}" | sorted)
got=$(complete_words "" | grep -v '^-' | sorted)
[[ $got == "$want" ]] && ok "completion offers the commands" || bad "completion offers commands '$got', the table '$want'"

leaves=()
for command in "${commands[@]}"; do
    "$loa" "$command" --help >"$work/help" 2>"$work/help.err" || bad "loa $command --help exits $?"
    [[ -s $work/help.err ]] && printf 'note: loa %s --help wrote to stderr: %s\n' "$command" "$(head -c 300 "$work/help.err")"
    mapfile -t subs < <(section_words "subcommands:" <"$work/help")
    if ((${#subs[@]} == 0)); then
        leaves+=("$command")
        continue
    fi
    want=$(printf '%s ' "${subs[@]}" | sorted)
    got=$(complete_words "$command" "" | sorted)
    [[ $got == "$want" ]] && ok "completion offers loa $command's subcommands" ||
        bad "completion offers '$got' after loa $command, the table '$want'"
    for sub in "${subs[@]}"; do leaves+=("$command $sub"); done
done

synopses=()
for leaf in "${leaves[@]}"; do
    read -ra words <<<"$leaf"
    help=$("$loa" "${words[@]}" --help) || { bad "loa $leaf --help exits $?"; continue; }
    ok "loa $leaf --help"
    synopsis=$(sed -n '1s/^usage: //p' <<<"$help")
    synopses+=("$synopsis")
    grep -qxF -- "$synopsis" <<<"$man_synopses" && ok "the man page has '$synopsis'" ||
        bad "the man page lacks '$synopsis' (it has: $(grep "^loa $leaf\b" <<<"$man_synopses"))"
    options=$(help_options <<<"$help")
    want=$(cut -d' ' -f1 <<<"$options" | sorted)
    got=$(complete_words "${words[@]}" "-" | grep '^-' | grep -vx -- '--help' | sorted)
    [[ $got == "$want" ]] && ok "completion offers loa $leaf's options: ${want:-none}" ||
        bad "completion offers '$got' for loa $leaf, the table '$want'"
    while read -r name value; do
        [[ $value =~ ^[a-z]+(\|[a-z]+)+$ ]] || continue # a list of words, not a placeholder
        want=$(tr '|' ' ' <<<"$value" | sorted)
        got=$(complete_words "${words[@]}" "$name" "" | sorted)
        [[ $got == "$want" ]] && ok "completion offers loa $leaf $name's words: $want" ||
            bad "completion offers '$got' after loa $leaf $name, the table '$want'"
    done <<<"$options"
done

# No synopsis in the man page that the table does not have (a removed option).
while read -r synopsis; do
    printf '%s\n' "${synopses[@]}" | grep -qxF -- "$synopsis" || bad "the man page's '$synopsis' is not in the table"
done <<<"$man_synopses"

# The failures again, last, where a shortened log still shows them.
printf '%d passed, %d failed\n' "$passed" "${#failures[@]}"
((${#failures[@]} == 0)) || printf 'FAIL: %s\n' "${failures[@]}"
((${#failures[@]} == 0))
