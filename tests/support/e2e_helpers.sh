# shellcheck shell=bash
# What the end-to-end shell tests share: source it, then
#   fail MESSAGE         prints "FAIL: MESSAGE" on stderr and exits 1
#   note MESSAGE         prints a line of what was measured
#   show_file TITLE FILE prints the last 60 lines of FILE on stderr, for context

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

note() { printf '%s\n' "$*"; }

show_file() {
    local title=$1 file=$2
    [[ -s $file ]] || return 0
    printf -- '--- %s (%s) ---\n' "$title" "$file" >&2
    tail -n 60 -- "$file" | sed 's/^/  /' >&2
}
