#!/usr/bin/env bash
# The README's promise that a fresh Debian 12 machine builds loa with
# packaging/install-deps.sh alone: in a clean Debian 12 root (the package
# test's cached mmdebstrap root, tests/packaging/debian_root.sh) it copies this
# source tree in, runs install-deps.sh, configures the ci preset (warnings are
# errors; configuring checks every library and test tool the build looks for),
# builds `loa` and the device test's two helpers, and runs a few fast tests of
# the real command line: the command line, simulate, the ALSA device scan and
# a play through a virtual JACK sound card. A package missing from
# install-deps.sh fails one of these steps. Prints each step's time.
#
# Usage: tests/packaging/fresh_build_test.sh      (as root; about 5-10 minutes
# on 2 cores: apt's downloads are cached in build/package-test/apt-archives)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)

step() { printf '\n=== fresh root: %s\n' "$*"; }
fail() {
    printf 'fresh_build_test: FAILED: %s\n' "$*" >&2
    exit 1
}
[ "$(id -u)" -eq 0 ] || fail "run as root (it makes a chroot and installs packages into it)"
command -v mmdebstrap >/dev/null || fail "mmdebstrap is missing; run packaging/install-deps.sh"

# shellcheck source=tests/packaging/debian_root.sh
source "$repo/tests/packaging/debian_root.sh"

# timed WHAT COMMAND...: runs COMMAND with its output in build/package-test/fresh-WHAT.log,
# prints how long it took, and on failure the log's end.
timed() {
    local what=$1 log="$work/fresh-$1.log" started=$SECONDS
    shift
    if ! "$@" >"$log" 2>&1; then
        tail -n 60 "$log"
        fail "$what failed after $((SECONDS - started)) s (whole log: $log)"
    fi
    echo "$what: $((SECONDS - started)) s"
}

started=$SECONDS
step "a clean Debian 12 root"
new_root fresh-build
# JACK's shared memory: the chroot's own, not the host's.
mount -t tmpfs tmpfs "$root/dev/shm" && mounts+=("$root/dev/shm")
# Quicker installs, the same packages: dpkg without fsync (a throwaway root)
# and no man page index rebuilt after every package.
echo force-unsafe-io >"$root/etc/dpkg/dpkg.cfg.d/loa-test-unsafe-io"
echo 'man-db man-db/auto-update boolean false' | in_root debconf-set-selections
echo "root ready: $((SECONDS - started)) s"

step "copy this source tree into /src/loa (the files git knows, without build output)"
mkdir -p "$root/src/loa"
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$repo" ls-files -z --cached --others --exclude-standard |
        (cd "$repo" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
        tar -C "$repo" --null -T - -cf - | tar -C "$root/src/loa" -xf -
else
    tar -C "$repo" --exclude=./build -cf - . | tar -C "$root/src/loa" -xf -
fi
echo "$(find "$root/src/loa" -type f | wc -l) files"

in_src() { in_root sh -c 'cd /src/loa && "$@"' sh "$@"; }
jobs=$(nproc)
step "packaging/install-deps.sh (the only thing installed)"
timed install-deps in_src bash packaging/install-deps.sh
grep -E '^install-deps:' "$work/fresh-install-deps.log" | cut -c 1-300
step "configure (ci preset) and build loa and the device test's helpers, -j $jobs"
timed configure in_src cmake --preset ci
timed build in_src cmake --build --preset ci -j "$jobs" --target loa loa_jack_recorder loa_wav_compare
step "fast tests of the real command line"
timed tests in_src ctest --preset ci -j "$jobs" \
    -R '^e2e: (command line|simulate|ALSA device scan|device play through JACK)$'
grep -E 'tests passed|Test +#' "$work/fresh-tests.log"
step "passed in $((SECONDS - started)) s"
