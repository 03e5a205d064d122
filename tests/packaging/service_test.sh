#!/usr/bin/env bash
# The confined loa.service really plays: installs the package in a clean
# Debian 12 root (tests/packaging/debian_root.sh), boots that root's systemd
# with systemd-nspawn, and checks in it that the unit, with every confinement
# setting of packaging/loa.service, starts the player (READY=1 over AF_UNIX),
# that the player
#   - runs without capabilities, with a system call filter, no new privileges,
#     and a private /dev that still shows /dev/snd (this machine has no sound
#     card: the container gets a /dev/snd with ALSA's timer node, and ALSA's
#     null device stands in for the card),
#   - keeps the watchdog fed (WatchdogSec shortened to 3 s, no restart),
#   - plays a scheduled chime through ALSA and logs it as completed, and
#   - stops cleanly (SIGTERM, exit 0).
# A machine whose root may not raise the real-time and locked-memory limits
# (no CAP_SYS_RESOURCE, as in some sandboxes) cannot grant LimitRTPRIO=95 or
# LimitMEMLOCK=64M: a drop-in then lowers them to what the machine allows, and
# the test says so; the real-time priority itself is only checked where the
# limit could be kept.
#
# Usage: tests/packaging/service_test.sh   (as root; about 2 minutes)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)

step() { printf '\n=== service: %s\n' "$*"; }
fail() {
    printf 'service_test: FAILED: %s\n' "$*" >&2
    exit 1
}
[ "$(id -u)" -eq 0 ] || fail "run as root (it makes a chroot and boots it with systemd-nspawn)"
for tool in mmdebstrap systemd-nspawn dpkg-deb; do
    command -v "$tool" >/dev/null || fail "$tool is missing; run packaging/install-deps.sh"
done
# shellcheck source=tests/packaging/debian_root.sh
source "$repo/tests/packaging/debian_root.sh"

step "building the package"
deb=$(bash "$repo/packaging/build-deb.sh" "$repo/build/package" | tail -n 1)
echo "$deb"

new_root service-root
step "installing $(basename "$deb") and a station with one slot"
cp "$deb" "$root/tmp/loa.deb"
if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 /tmp/loa.deb \
    >"$work/service-apt.log" 2>&1; then
    cat "$work/service-apt.log"
    fail "apt-get install loa failed"
fi
# No sound card here: ALSA's null device "station" (alsa-lib's own) plays in real time.
echo 'pcm.station { type null }' >"$root/etc/asound.conf"
sed -i -e 's/^code = .*/code = "KG-GR-TEST"/' -e 's/^quiet_hours = .*/quiet_hours = []/' \
    -e 's/^device = .*/device = "station"/' "$root/etc/loa/station.toml"
in_root runuser -u loa -- loa import /usr/share/doc/loa/examples/audio/chuong.flac >/dev/null

dropin="$root/etc/systemd/system/loa.service.d"
mkdir -p "$dropin"
{
    echo "# service_test.sh: a watchdog that fires within the test's time."
    echo "[Service]"
    echo "WatchdogSec=3s"
} >"$dropin/test-watchdog.conf"
rtprio_kept=yes
rtprio_max=$(ulimit -Hr)
memlock_max=$(ulimit -Hl)
if [ "$rtprio_max" != unlimited ] && [ "$rtprio_max" -lt 95 ]; then
    rtprio_kept=no
    echo "this machine's root may not raise RLIMIT_RTPRIO above $rtprio_max: LimitRTPRIO=$rtprio_max here"
    printf '[Service]\nLimitRTPRIO=%s\n' "$rtprio_max" >"$dropin/test-machine-rtprio.conf"
fi
if [ "$memlock_max" != unlimited ] && [ "$memlock_max" -lt 65536 ]; then
    echo "this machine's root may not raise RLIMIT_MEMLOCK above $memlock_max KiB: LimitMEMLOCK=${memlock_max}K here"
    printf '[Service]\nLimitMEMLOCK=%sK\n' "$memlock_max" >"$dropin/test-machine-memlock.conf"
fi

# The slot: the chime, 40 s from now in the station's time (the boot takes some).
at=$(TZ=Asia/Ho_Chi_Minh date -d @$(($(date +%s) + 40)) +%T)
date=$(TZ=Asia/Ho_Chi_Minh date -d @$(($(date +%s) + 40)) +%F)
cat >"$root/tmp/now.toml" <<EOF
version = 1
title = "Service test"

[[slot]]
id = "now"
dates = [$date]
at = ["$at"]
play = ["chuong"]
EOF
chmod 644 "$root/tmp/now.toml"
in_root runuser -u loa -- loa schedule load /tmp/now.toml >/dev/null
echo "the chime plays at $at station time"

# Run inside the booted root by a oneshot unit, which then powers it off.
cat >"$root/usr/local/sbin/loa-service-check" <<'EOF'
#!/bin/bash
exec >/var/log/loa-service-check.log 2>&1
result() { echo "RESULT: $*"; systemctl poweroff; exit 0; }
prop() { systemctl show loa -P "$1"; }
for _ in $(seq 60); do [ "$(systemctl is-active loa)" = active ] && break; sleep 1; done
systemctl status loa --no-pager -l | head -n 20
[ "$(systemctl is-active loa)" = active ] || result "FAIL loa.service is not active (READY=1 never came)"
pid=$(prop MainPID)
echo "main process $pid: $(grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/$pid/status | paste -sd ' ')"
grep -qE '^CapBnd:\s+0+$' /proc/$pid/status || result "FAIL the player has capabilities"
grep -qE '^Seccomp:\s+2$' /proc/$pid/status || result "FAIL the player has no system call filter"
grep -qE '^NoNewPrivs:\s+1$' /proc/$pid/status || result "FAIL the player may gain privileges"
echo "its /dev: $(ls /proc/$pid/root/dev | paste -sd ' ')"
[ -e /proc/$pid/root/dev/console ] && result "FAIL the player's /dev is not private (it has console)"
echo "its /dev/snd: $(ls /proc/$pid/root/dev/snd | paste -sd ' ')"
[ -c /proc/$pid/root/dev/snd/timer ] || result "FAIL the player's /dev has no /dev/snd/timer"
# Until the chime is logged: the scheduling policy of every thread, five
# times a second (the sound card's thread lives only while it plays).
for i in $(seq 450); do
    for task in /proc/$pid/task/*; do chrt -p "${task##*/}" 2>/dev/null; done >>/tmp/policies
    if ((i % 5 == 0)); then
        runuser -u loa -- loa log --status completed 2>/dev/null | grep -q chuong && break
    fi
    sleep 0.2
done
runuser -u loa -- loa log
runuser -u loa -- loa log --status completed | grep -q chuong || result "FAIL no completed play of the chime"
policies=$(grep -o 'SCHED_[A-Z]*' /tmp/policies | sort | uniq -c)
echo "threads' scheduling policies seen: $(paste -sd ' ' <<<"$policies")"
echo "watchdog: last ping $(prop WatchdogTimestamp), restarts $(prop NRestarts)"
[ "$(prop NRestarts)" = 0 ] || result "FAIL the player was restarted (the watchdog or a crash)"
[ -n "$(prop WatchdogTimestamp)" ] || result "FAIL the player never fed the watchdog"
if [ "$1" = yes ]; then
    grep -q SCHED_FIFO <<<"$policies" || result "FAIL no thread of the player runs SCHED_FIFO"
fi
systemctl stop loa
echo "after stop: $(prop Result) $(prop ExecMainStatus)"
[ "$(prop Result)" = success ] || result "FAIL loa.service did not stop cleanly"
journalctl -u loa --no-pager -o cat | tail -n 30
result "PASS"
EOF
chmod 755 "$root/usr/local/sbin/loa-service-check"
cat >"$root/etc/systemd/system/loa-service-check.service" <<EOF
[Unit]
Description=service_test.sh: checks loa.service, then powers off
After=multi-user.target
[Service]
Type=oneshot
ExecStart=/usr/local/sbin/loa-service-check $rtprio_kept
[Install]
WantedBy=multi-user.target
EOF
ln -s /etc/systemd/system/loa-service-check.service "$root/etc/systemd/system/multi-user.target.wants/"

step "booting the root with systemd-nspawn (loa.service starts at boot)"
# nspawn mounts its own /proc, /dev and /run.
for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "${mounts[i]}"; done
mounts=()
# No sound card here, so no /dev/snd: the container gets one with ALSA's timer
# device node (major 116), which the player's private /dev must show.
snd="$work/service-snd"
rm -rf "$snd" && mkdir -p "$snd" && mknod -m 660 "$snd/timer" c 116 33
started=$SECONDS
timeout 300 systemd-nspawn --quiet --register=no --keep-unit --pipe -D "$root" --bind="$snd:/dev/snd" \
    --boot >"$work/service-boot.log" 2>&1 ||
    echo "systemd-nspawn: exit $? (see $work/service-boot.log)"
echo "booted, checked and powered off in $((SECONDS - started)) s"
check_log="$root/var/log/loa-service-check.log"
[ -s "$check_log" ] || { cat "$work/service-boot.log"; fail "the check inside the booted root did not run"; }
sed 's/^/  /' "$check_log"
grep -qx 'RESULT: PASS' "$check_log" || fail "$(grep '^RESULT:' "$check_log" || echo 'the check did not finish')"
[ "$rtprio_kept" = yes ] || echo "service_test: real-time priority not checked (this machine's RLIMIT_RTPRIO is $rtprio_max)"
step "passed"
