#!/usr/bin/env bash
# What Debian's own tools say of the package, as the province's IT staff would
# check it: builds loa_VERSION_amd64.deb (packaging/build-deb.sh) and fails
#   - on any lintian error or warning (lintian --fail-on error,warning), and
#   - when `systemd-analyze security --offline=yes` rates loa.service's exposure
#     above 2.5 (0 is fully confined, 10 is not confined at all).
# Prints lintian's findings (none when clean) and the unit's rating with every
# setting still counted against it. Needs lintian and systemd (install-deps.sh);
# not root. Usage: tests/packaging/lint_test.sh [BUILD_DIR]   (default build/package)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${1:-$repo/build/package}
max_exposure=2.5

fail() {
    printf 'lint_test: FAILED: %s\n' "$*" >&2
    exit 1
}
for tool in lintian systemd-analyze dpkg-deb; do
    command -v "$tool" >/dev/null || fail "$tool is missing; run packaging/install-deps.sh"
done

echo "=== building the package"
deb=$(bash "$repo/packaging/build-deb.sh" "$build_dir" | tail -n 1)
echo "$deb"

echo "=== lintian $(basename "$deb")"
# --fail-on: lintian's exit code says whether an error or a warning was found;
# info and pedantic tags are shown (--display-info) but do not fail.
if ! lintian --display-info --fail-on error,warning "$deb"; then
    fail "lintian finds errors or warnings in $(basename "$deb") (above); see lintian-explain-tags TAG"
fi
echo "lintian: no errors, no warnings"

echo "=== systemd-analyze security --offline=yes packaging/loa.service"
unit="$repo/packaging/loa.service"
report=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1) ||
    fail "systemd-analyze cannot rate $unit: $report"
# Only what still counts against the unit (✗), and the overall rating.
grep -E '✗|Overall exposure' <<<"$report" || true
exposure=$(sed -nE 's/.*Overall exposure level for loa\.service: ([0-9.]+).*/\1/p' <<<"$report")
[ -n "$exposure" ] || fail "systemd-analyze printed no overall exposure level for loa.service"
awk -v e="$exposure" -v max="$max_exposure" 'BEGIN { exit !(e <= max) }' ||
    fail "loa.service's exposure is $exposure, above $max_exposure: confine it again (packaging/loa.service)"
echo "loa.service: exposure $exposure (at most $max_exposure)"
