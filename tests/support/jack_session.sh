# shellcheck shell=bash
# A private JACK server (dummy driver, real-time paced, no sound card) plus a recording
# client, for end-to-end device tests. Source it from a bash test script:
#
#   source tests/support/jack_session.sh
#   jack_session_add_cleanup "rm -rf '$work'"   # instead of your own EXIT trap
#   jack_session_add_cleanup --first stop_player # runs while JACK is still up
#   LOA_JACK_RECORDER=/path/to/loa_jack_recorder jack_start "$work/rec.wav" [CLIENT]
#   ... play to the PortAudio device named CLIENT (default "rec") ...
#   jack_stop                                   # recorder first, then jackd
#   jack_session_xruns                          # how many xruns jackd reported
#
# jack_start exports JACK_DEFAULT_SERVER (a name unique to this run), so every JACK client
# started afterwards, PortAudio's included, reaches this server and not a developer's own
# jackd or a parallel test's. It sets:
#   JACK_SESSION_SERVER     the server name
#   JACK_SESSION_LOG        jackd's output
#   JACK_RECORDER_STDOUT    the recorder's stdout ("ready", "onset frame=.. wall=..", "stopped ..")
#   JACK_RECORDER_STDERR    the recorder's stderr
#   JACK_RECORDER_STATUS    (after jack_stop) the recorder's exit status
# Logs go to JACK_SESSION_LOG_DIR (default: the recording's directory).
# Tunables: JACK_SESSION_NAME (a server name to reuse, to restart "the same" server),
# JACK_SESSION_RATE (48000), JACK_SESSION_PERIOD (256), JACK_SESSION_PORT_MAX (64),
# JACK_SESSION_TIMEOUT (15 s, for the server and the recorder to come up),
# JACK_SESSION_RECORDER_LATENCY (0 frames: the playback latency the recorder's ports declare,
# see loa_jack_recorder --latency; 0 reproduces PortAudio 19.6's wrapped outputLatency).
# Real-time scheduling is used when this process may use it (root with CAP_SYS_NICE, or an
# rtprio limit); otherwise jackd runs with --no-realtime, which the dummy driver tolerates.
# JACK_SESSION_REALTIME=0 or 1 forces the choice (default: auto).
#
# This file installs EXIT/INT/TERM/HUP traps that run the --first cleanups, stop whatever it
# started, then run the other cleanups. Do not replace those traps.
# Functions return non-zero with a message on stderr on failure; they never exit. Works
# with or without `set -e`.

JACK_SESSION_CLEANUP_FIRST=()
JACK_SESSION_CLEANUP=()
_jack_session_jackd_pid=""
_jack_session_recorder_pid=""

# jack_session_add_cleanup [--first] CMD: run CMD (eval'd) when the script exits. With
# --first it runs before the recorder and jackd are stopped (use it to stop JACK clients,
# such as the player under test, while their server is still there); otherwise after.
jack_session_add_cleanup() {
    if [[ $1 == --first ]]; then
        JACK_SESSION_CLEANUP_FIRST+=("$2")
    else
        JACK_SESSION_CLEANUP+=("$1")
    fi
}

_jack_session_log() {
    printf 'jack_session: %s\n' "$*" >&2
}

# _jack_session_wait_pid PID SECONDS: wait for a child to end; 0 and its status in
# _jack_session_status if it did, 1 if it is still running after SECONDS.
_jack_session_wait_pid() {
    local pid=$1 limit=$2 waited=0
    while kill -0 "$pid" 2>/dev/null; do
        if ((waited >= limit * 10)); then
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    _jack_session_status=0
    wait "$pid" 2>/dev/null || _jack_session_status=$?
    return 0
}

# _jack_session_end_pid PID WHAT: SIGTERM, wait up to 10 s, then SIGKILL. Status in
# _jack_session_status (137 when it had to be killed).
_jack_session_end_pid() {
    local pid=$1 what=$2
    kill -TERM "$pid" 2>/dev/null || true
    if ! _jack_session_wait_pid "$pid" 10; then
        _jack_session_log "$what (pid $pid) ignored SIGTERM for 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        _jack_session_status=137
    fi
}

_jack_session_can_realtime() {
    command -v chrt >/dev/null 2>&1 && chrt -f 10 true 2>/dev/null
}

# jack_start WAV [CLIENT]: start jackd and the recorder writing WAV; wait until both are up.
jack_start() {
    local wav=${1:?jack_start: recording path required} client=${2:-rec}
    local rate=${JACK_SESSION_RATE:-48000} period=${JACK_SESSION_PERIOD:-256}
    local timeout=${JACK_SESSION_TIMEOUT:-15}
    local recorder=${LOA_JACK_RECORDER:-}
    if [[ -n $_jack_session_jackd_pid ]]; then
        _jack_session_log "jack_start: a session is already running"
        return 1
    fi
    if [[ -z $recorder || ! -x $recorder ]]; then
        _jack_session_log "LOA_JACK_RECORDER must name the loa_jack_recorder executable (got '${recorder}')"
        return 1
    fi
    if ! command -v jackd >/dev/null || ! command -v jack_wait >/dev/null; then
        _jack_session_log "jackd/jack_wait not found: install jackd2"
        return 1
    fi
    local logdir=${JACK_SESSION_LOG_DIR:-$(dirname -- "$wav")}

    # JACK_SESSION_NAME reuses a name: a server restarted under it is the "same device".
    JACK_SESSION_SERVER=${JACK_SESSION_NAME:-"loa-test-$$-${RANDOM}${RANDOM}"}
    export JACK_DEFAULT_SERVER=$JACK_SESSION_SERVER
    JACK_SESSION_LOG="$logdir/jackd-$JACK_SESSION_SERVER.log"
    JACK_RECORDER_STDOUT="$logdir/recorder.out"
    JACK_RECORDER_STDERR="$logdir/recorder.err"
    JACK_RECORDER_STATUS=""
    : >"$JACK_RECORDER_STDOUT"
    : >"$JACK_RECORDER_STDERR"

    local rt_flag=()
    case ${JACK_SESSION_REALTIME:-auto} in
        1) ;;
        0) rt_flag=(--no-realtime) ;;
        *) _jack_session_can_realtime || rt_flag=(--no-realtime) ;;
    esac
    # No audio reservation (no D-Bus device reservation), dummy driver: no /dev/snd needed.
    # --port-max keeps the server's shared memory in /dev/shm small (measured: ~103 MB at
    # jackd's default, ~39 MB at 64); parallel test runs all share /dev/shm.
    JACK_NO_AUDIO_RESERVATION=1 jackd "${rt_flag[@]}" --port-max "${JACK_SESSION_PORT_MAX:-64}" \
        -n "$JACK_SESSION_SERVER" -d dummy -r "$rate" -p "$period" </dev/null >"$JACK_SESSION_LOG" 2>&1 &
    _jack_session_jackd_pid=$!

    if ! timeout "$((timeout + 2))" jack_wait -s "$JACK_SESSION_SERVER" -w -t "$timeout" >/dev/null 2>&1 ||
        ! kill -0 "$_jack_session_jackd_pid" 2>/dev/null; then
        _jack_session_log "jackd (server $JACK_SESSION_SERVER) did not come up within ${timeout} s; its log:"
        sed 's/^/  jackd: /' "$JACK_SESSION_LOG" >&2
        _jack_session_log "free space in /dev/shm (jackd needs ~40 MB): $(df -h --output=avail /dev/shm 2>/dev/null | tail -n 1)"
        jack_stop >/dev/null 2>&1
        return 1
    fi

    "$recorder" --name "$client" --out "$wav" --latency "${JACK_SESSION_RECORDER_LATENCY:-0}" \
        </dev/null >"$JACK_RECORDER_STDOUT" 2>"$JACK_RECORDER_STDERR" &
    _jack_session_recorder_pid=$!
    local waited=0
    until grep -qx ready "$JACK_RECORDER_STDOUT" 2>/dev/null; do
        if ! kill -0 "$_jack_session_recorder_pid" 2>/dev/null || ((waited >= timeout * 10)); then
            _jack_session_log "the recorder did not report ready within ${timeout} s; its stderr:"
            sed 's/^/  recorder: /' "$JACK_RECORDER_STDERR" >&2
            jack_stop >/dev/null 2>&1
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    return 0
}

# jack_stop: SIGTERM the recorder and wait (its WAV is then complete), then jackd.
# Returns non-zero if the recorder did not exit 0 (data lost, server died, ...).
jack_stop() {
    local rc=0
    if [[ -n $_jack_session_recorder_pid ]]; then
        _jack_session_end_pid "$_jack_session_recorder_pid" recorder
        JACK_RECORDER_STATUS=$_jack_session_status
        _jack_session_recorder_pid=""
        if [[ $JACK_RECORDER_STATUS != 0 ]]; then
            _jack_session_log "the recorder exited with status $JACK_RECORDER_STATUS; its stderr:"
            sed 's/^/  recorder: /' "$JACK_RECORDER_STDERR" >&2
            rc=1
        fi
    fi
    if [[ -n $_jack_session_jackd_pid ]]; then
        _jack_session_end_pid "$_jack_session_jackd_pid" jackd
        _jack_session_jackd_pid=""
        # Sockets and semaphores a killed server or client leaves behind; the names carry
        # this run's unique server name, so nobody else's are touched.
        if [[ -n ${JACK_SESSION_SERVER:-} ]]; then
            rm -f -- "/dev/shm/jack_${JACK_SESSION_SERVER}_"* "/dev/shm/jack_sem."*"_${JACK_SESSION_SERVER}_"*
        fi
    fi
    return $rc
}

# jack_session_xruns: prints how many xruns the current server has reported (a cycle of
# its driver that ran late, or a client that did not finish its callback in time): each
# one can drop or repeat a period of what the recorder receives. 0 without a server log.
jack_session_xruns() {
    local count=0
    if [[ -n ${JACK_SESSION_LOG:-} && -f $JACK_SESSION_LOG ]]; then
        count=$(grep -c -e "JackTimedDriver::Process XRun" -e "JackEngine::XRun" -- "$JACK_SESSION_LOG" || true)
    fi
    echo "${count:-0}"
}

_jack_session_on_exit() {
    local status=$?
    trap - EXIT
    local cmd
    for cmd in "${JACK_SESSION_CLEANUP_FIRST[@]}"; do
        eval "$cmd" || true
    done
    jack_stop >/dev/null 2>&1
    for cmd in "${JACK_SESSION_CLEANUP[@]}"; do
        eval "$cmd" || true
    done
    exit "$status"
}

_jack_session_on_signal() {
    _jack_session_log "interrupted by SIG$1"
    exit $((128 + $2))
}

trap _jack_session_on_exit EXIT
trap '_jack_session_on_signal INT 2' INT
trap '_jack_session_on_signal TERM 15' TERM
trap '_jack_session_on_signal HUP 1' HUP
