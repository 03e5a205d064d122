# shellcheck shell=bash
# What the end-to-end shell tests share: source it, then
#   fail MESSAGE         prints "FAIL: MESSAGE" on stderr and exit_failed
#   exit_failed          exits 1; in a test on the JACK virtual device whose server
#                        reported xruns, 75 instead: the run was spoiled, not necessarily
#                        failed (tests/support/run_again_if_spoiled.sh runs it again)
#   note MESSAGE         prints a line of what was measured
#   show_file TITLE FILE prints the last 60 lines of FILE on stderr, for context

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit_failed
}

exit_failed() {
    local xruns=0
    if declare -F jack_session_xruns >/dev/null; then
        xruns=$(jack_session_xruns)
    fi
    if ((xruns > 0)); then
        printf 'the JACK server reported %d xruns in this run: the machine held up the virtual device, so the recording cannot be trusted (exit 75)\n' "$xruns" >&2
        exit 75
    fi
    exit 1
}

note() { printf '%s\n' "$*"; }

show_file() {
    local title=$1 file=$2
    [[ -s $file ]] || return 0
    printf -- '--- %s (%s) ---\n' "$title" "$file" >&2
    tail -n 60 -- "$file" | sed 's/^/  /' >&2
}
