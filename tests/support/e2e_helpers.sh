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

# For the tests that count their checks and make their own station (source, then):
#   e2e_work NAME        makes $work (a temporary folder) with $home in it; both go at
#                        exit, after the player in $player_pid (if any) is killed
#   ok WHAT / bad WHAT   counts a check that passed / failed
#   expect CODE WHAT -- COMMAND...  runs COMMAND (output in $work/out, $work/err): ok
#                        if it exits CODE, bad with its output otherwise
#   contains FILE TEXT WHAT         ok if TEXT is in FILE
#   json_check FILE EXPRESSION WHAT ok if the Python EXPRESSION over j (FILE's JSON) holds
#   e2e_summary          prints the counts; false if a check failed
#   midday_zone          prints a zone (Etc/GMT±N) where it is about midday now, so a
#                        test's station is outside the default quiet hours

e2e_work() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/loa-$1.XXXXXX")
    home="$work/home"
    player_pid=""
    passed=0
    failed=0
    trap e2e_cleanup EXIT
}

e2e_cleanup() {
    [[ -n ${player_pid:-} ]] && kill -KILL "$player_pid" 2>/dev/null
    chmod -R u+rwX "$work" 2>/dev/null
    rm -rf "$work"
}

ok() { passed=$((passed + 1)); printf 'ok: %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$1"; }

expect() {
    local code=$1 what=$2
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if ((got == code)); then ok "$what (exit $got)"; else bad "$what: exit $got, wanted $code"; sed 's/^/  /' "$work/out" "$work/err"; fi
}

contains() {
    if grep -qF -- "$2" "$1"; then ok "$3"; else bad "$3: '$2' not in:"; sed 's/^/  /' "$1"; fi
}

json_check() {
    if python3 -c "import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$1" 2>/dev/null; then
        ok "$3"
    else
        bad "$3: not ($2) in:"; sed 's/^/  /' "$1"
    fi
}

e2e_summary() {
    printf '%d passed, %d failed\n' "$passed" "$failed"
    ((failed == 0))
}

midday_zone() {
    local h o
    h=$(date -u +%H)
    o=$((12 - 10#$h))
    if ((o > 0)); then echo "Etc/GMT-$o"; elif ((o < 0)); then echo "Etc/GMT+$((-o))"; else echo "Etc/GMT"; fi
}
