#!/usr/bin/env bash
# Runs a test on the JACK virtual device up to ATTEMPTS times while it exits 75: its
# server reported xruns (a busy or virtual machine held up the dummy driver or a client),
# so what the recorder heard cannot be trusted either way (tests/support/e2e_helpers.sh).
# A real failure fails every attempt; its last status is returned, 75 included.
#
#   bash tests/support/run_again_if_spoiled.sh ATTEMPTS COMMAND [ARGS...]
set -u
(($# >= 2)) || { echo "usage: $0 ATTEMPTS COMMAND [ARGS...]" >&2; exit 2; }
attempts=$1
shift
status=0
for ((attempt = 1; attempt <= attempts; attempt++)); do
    "$@"
    status=$?
    ((status == 75)) || exit "$status"
    ((attempt < attempts)) &&
        echo "=== xruns spoiled attempt $attempt of $attempts; running the test again" >&2
done
echo "=== xruns spoiled all $attempts attempts: this machine cannot run the virtual device in real time now" >&2
exit "$status"
