#!/usr/bin/env bash
# The Debian package, installed the way a station PC gets it: builds
# loa_VERSION_amd64.deb (packaging/build-deb.sh), makes a clean Debian 12 root
# with mmdebstrap from the mirror apt already uses, and in a chroot of it:
#
#   install   installs the package with apt (dependencies from the mirror),
#             checks the user, the station home, the unit (systemd-analyze
#             verify), then runs loa --version, loa init, an import of the
#             bundled samples, loa schedule load of the bundled example,
#             loa simulate for a day, and the bash completion; then purges
#             the package and checks that what remains is what loa(1) and
#             the README say remains (/var/lib/loa and the user loa).
#   upgrade   installs version N (the tree at commit f89dc36, schema 1, built
#             from `git archive` with this tree's packaging), plays two
#             announcements with N's `loa run` to make log rows, installs
#             this tree as N+1 and checks that the rows (count and hashes)
#             are intact, `loa verify` passes, the schema is current and the
#             maintainer scripts stopped the old player before the upgrade and
#             restarted it after (systemd does not run in a chroot, so
#             deb-systemd-invoke is replaced by a stub that records its calls).
#
# Usage: tests/packaging/deb_test.sh [install|upgrade|all]   (default all)
# Needs root, mmdebstrap, dpkg-dev and the mirror; no other network. The
# Debian root and apt's downloads are cached in build/package-test, so a
# rerun takes a few minutes (set LOA_DEB_TEST_FRESH=1 to remake the root).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
what=${1:-all}
old_commit=f89dc36

step() { printf '\n=== %s\n' "$*"; }
fail() {
    printf 'deb_test: FAILED: %s\n' "$*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (it makes a chroot and installs packages into it)"
for tool in mmdebstrap dpkg-deb cpack systemd-analyze; do
    command -v "$tool" >/dev/null || fail "$tool is missing; run packaging/install-deps.sh"
done

# The Debian 12 root (cached), new_root, in_root and the cleanup on exit.
# shellcheck source=tests/packaging/debian_root.sh
source "$repo/tests/packaging/debian_root.sh"
as_loa() { in_root runuser -u loa -- "$@"; }

# apt_install PACKAGE...: apt-get install in the root; shows loa's lines of
# apt's output (all of it when apt fails).
apt_install() {
    if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >"$work/apt.log" 2>&1; then
        cat "$work/apt.log"
        fail "apt-get install $* failed"
    fi
    grep -E '^(Preparing to unpack /tmp|Unpacking loa|Setting up loa|loa:|Selecting previously unselected package loa)' \
        "$work/apt.log" || true
}

# Checks that fail without stopping the rest of the test (reported at the end).
failures=()
skipped=()
check() {
    local what=$1
    shift
    if ! "$@"; then
        echo "deb_test: FAILED: $what" >&2
        failures+=("$what")
    fi
}

# files_of_root: every path in the root except caches, logs and apt/dpkg state.
files_of_root() {
    (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./run -o -path ./tmp \
        -o -path ./var/cache -o -path ./var/log -o -path ./var/lib/apt -o -path ./var/lib/dpkg \) -prune \
        -o -print | sort)
}

# The operator's edits: the station code, and no quiet hours so a test slot
# plays whatever the hour.
edit_station_toml() {
    sed -i -e 's/^code = .*/code = "KG-GR-TEST"/' -e 's/^quiet_hours = .*/quiet_hours = []/' \
        "$root/etc/loa/station.toml"
}

# --- N+1: this tree ------------------------------------------------------------------
step "building the package from this tree"
new_deb=$(bash "$repo/packaging/build-deb.sh" "$repo/build/package" | tail -n 1)
new_version=$(dpkg-deb -f "$new_deb" Version)
echo "$new_deb: $(stat -c %s "$new_deb") bytes, version $new_version"
dpkg-deb -f "$new_deb" Depends
# Vietnamese (issue 19): the compiled catalogue and the manual page in Vietnamese.
for file in ./usr/share/locale/vi/LC_MESSAGES/loa.mo ./usr/share/man/vi/man1/loa.1.gz; do
    dpkg-deb -c "$new_deb" | awk '{print $6}' | grep -qx "$file" || fail "the package lacks $file"
done
cp "$new_deb" "$work/loa_new.deb"

test_install() {
    new_root install-root
    files_of_root >"$work/files-before.txt"

    step "install: apt-get install ./$(basename "$new_deb")"
    cp "$work/loa_new.deb" "$root/tmp/loa.deb"
    apt_install /tmp/loa.deb
    in_root dpkg-query -W -f='${Status} ${Version}\n' loa | grep -q "install ok installed $new_version" ||
        fail "loa $new_version is not installed"

    step "install: user, station home, conffile, service"
    in_root id loa
    in_root id -nG loa | grep -qw audio || fail "user loa is not in group audio"
    in_root stat -c '%n %a %U:%G' /var/lib/loa /var/lib/loa/library /var/lib/loa/loa.db
    [ "$(in_root stat -c '%a %U:%G' /var/lib/loa)" = "750 loa:loa" ] || fail "/var/lib/loa is not 0750 loa:loa"
    [ "$(in_root readlink /var/lib/loa/station.toml)" = /etc/loa/station.toml ] ||
        fail "/var/lib/loa/station.toml is not a link to /etc/loa/station.toml"
    in_root cat /var/lib/dpkg/info/loa.conffiles | grep -qx /etc/loa/station.toml || fail "station.toml is no conffile"
    [ -L "$root/etc/systemd/system/multi-user.target.wants/loa.service" ] || fail "loa.service is not enabled"
    echo "loa.service enabled: $(readlink "$root/etc/systemd/system/multi-user.target.wants/loa.service")"
    # Checked here, on the Debian 12 system it is installed in: on the build host
    # /usr/bin/loa and the man page it names do not exist.
    local verify
    verify=$(in_root systemd-analyze verify /usr/lib/systemd/system/loa.service 2>&1) && [ -z "$verify" ] ||
        fail "systemd-analyze verify reports problems in loa.service: $verify"
    echo "systemd-analyze verify loa.service: no problems"
    in_root man --warnings loa 2>&1 >/dev/null | grep . && fail "man loa warns"
    in_root env MANWIDTH=80 man loa 2>/dev/null | grep -q "loa ${new_version%%~*}" || fail "man loa does not show version $new_version"
    echo "man loa: $(in_root env MANWIDTH=80 man loa 2>/dev/null | grep -c .) lines, version ${new_version%%~*}, no warnings"

    step "install: loa --version, init, import, schedule load, simulate"
    in_root loa --version | tee "$work/version.txt"
    grep -qx "loa ${new_version%%~*}" "$work/version.txt" || fail "loa --version does not say $new_version"
    edit_station_toml
    as_loa loa init
    as_loa loa import /usr/share/doc/loa/examples/audio/chuong.flac \
        /usr/share/doc/loa/examples/audio/lua-dao-qua-mang.flac /usr/share/doc/loa/examples/audio/thu-doan-lua-dao.ogg \
        /usr/share/doc/loa/examples/audio/campuchia-mo-cua.ogg /usr/share/doc/loa/examples/audio/bao-cao-ket-qua.flac
    as_loa loa list
    as_loa loa schedule load /usr/share/doc/loa/examples/schedules/chong-lua-dao-2020.toml
    as_loa loa schedule show --from 2020-07-20 --days 1
    # The example plays four slots that day, each starting with the chime.
    simulate_day() {
        local out
        out=$(as_loa loa simulate --from 2020-07-20 --to 2020-07-20) || return 1
        printf '%s\n' "$out"
        grep -q chuong <<<"$out"
    }
    check "loa simulate --from 2020-07-20 --to 2020-07-20 shows the day's plays" simulate_day

    step "install: bash completion"
    in_root bash -c 'shopt -s extglob; source /usr/share/bash-completion/completions/loa
        COMP_WORDS=(loa sch); COMP_CWORD=1; _loa; echo "loa sch<TAB>: ${COMPREPLY[*]}"; [ "${COMPREPLY[*]}" = schedule ]
        COMP_WORDS=(loa --home /var/lib/loa show chu); COMP_CWORD=4; _loa; echo "loa show chu<TAB>: ${COMPREPLY[*]}"
        [ "${COMPREPLY[*]}" = chuong ]' || fail "bash completion does not complete"

    step "purge: apt-get purge --autoremove loa"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --autoremove -o Dpkg::Use-Pty=0 loa |
        grep -E '^(Removing|Purging).* loa' || true
    files_of_root >"$work/files-after.txt"
    comm -13 "$work/files-before.txt" "$work/files-after.txt" >"$work/files-remaining.txt"
    comm -23 "$work/files-before.txt" "$work/files-after.txt" >"$work/files-gone.txt"
    echo "what the purge left that was not there before:"
    sed 's/^/  /' "$work/files-remaining.txt"
    # Documented (loa(1) FILES, README "Removing loa"): the station's data in
    # /var/lib/loa stays, without the link to the purged conffile; the user
    # loa stays (its entries are lines of /etc/passwd, /etc/group, /etc/shadow).
    if grep -vE '^\./var/lib/loa(/loa\.db(-wal|-shm)?|/loa\.lock|/library(/.*)?)?$' "$work/files-remaining.txt"; then
        fail "the purge left the files above, which the documentation does not mention"
    fi
    for kept in ./var/lib/loa ./var/lib/loa/loa.db ./var/lib/loa/library; do
        grep -qx "$kept" "$work/files-remaining.txt" || fail "$kept should survive the purge"
    done
    [ ! -s "$work/files-gone.txt" ] || fail "the purge removed files that were there before: $(cat "$work/files-gone.txt")"
    in_root id loa >/dev/null || fail "the user loa should survive the purge"
    [ ! -e "$root/etc/loa" ] && [ ! -e "$root/usr/bin/loa" ] && [ ! -e "$root/var/lib/loa/station.toml" ] ||
        fail "the purge left /etc/loa, /usr/bin/loa or the station.toml link"
    echo "purge left exactly the documented station data and the user loa"
}

# --- N: the tree at $old_commit, schema 1 ---------------------------------------
old_deb() {
    local src="$work/old-src" build="$work/old-build" stamp
    # The old tree with this tree's packaging (it had none), versioned below this one.
    stamp="$old_commit without-language-and-tts $(cat "$repo/cmake/LoaPackaging.cmake" "$repo"/packaging/* "$repo"/packaging/debian/* 2>/dev/null | sha256sum)"
    if [ "$(cat "$build/stamp" 2>/dev/null)" != "$stamp" ] || ! ls "$build"/deb/loa_*.deb >/dev/null 2>&1; then
        rm -rf "$src" "$build"
        mkdir -p "$src" "$build"
        git -C "$repo" archive "$old_commit" | tar -C "$src" -x
        rm -rf "$src/packaging"
        cp -r "$repo/packaging" "$src/packaging"
        # The old loa knows no `language` key (it came with the Vietnamese catalogue) nor
        # the [tts] section (loa say), and refuses unknown keys: its station.toml is this
        # one without them.
        sed -i -e '/^# Language of what the player writes/,/^language = /d' "$src/packaging/station.toml"
        awk '/^\[/ { skip = ($0 == "[tts]") } !skip' "$src/packaging/station.toml" >"$src/station.toml.old"
        mv "$src/station.toml.old" "$src/packaging/station.toml"
        cp "$repo/cmake/LoaPackaging.cmake" "$src/cmake/"
        grep -q LoaPackaging "$src/CMakeLists.txt" || printf '\ninclude(cmake/LoaPackaging.cmake)\n' >>"$src/CMakeLists.txt"
        LOA_PACKAGE_CMAKE_ARGS="-DLOA_PACKAGE_VERSION=${new_version}~git.$old_commit" \
            bash "$src/packaging/build-deb.sh" "$build" >/dev/null
        echo "$stamp" >"$build/stamp"
    fi
    ls "$build"/deb/loa_*.deb | head -n 1
}

# Replaces deb-systemd-invoke by a stub recording its calls, and makes the
# maintainer scripts see a running systemd (/run/systemd/system).
record_service_calls() {
    in_root dpkg-divert --quiet --local --rename --add /usr/bin/deb-systemd-invoke 2>/dev/null
    cat >"$root/usr/bin/deb-systemd-invoke" <<'EOF'
#!/bin/sh
echo "deb-systemd-invoke $*" >>/var/log/service-calls.log
EOF
    chmod 755 "$root/usr/bin/deb-systemd-invoke"
    mkdir -p "$root/run/systemd/system"
    : >"$root/var/log/service-calls.log"
}

test_upgrade() {
    if ! git -C "$repo" cat-file -e "$old_commit^{commit}" 2>/dev/null; then
        step "upgrade: SKIPPED: commit $old_commit (version N) is not in this clone (a shallow clone?);" \
            "the upgrade test needs the history: git fetch --unshallow"
        skipped+=("upgrade (no commit $old_commit)")
        return
    fi
    step "upgrade: building version N from commit $old_commit"
    local old
    old=$(old_deb)
    local old_version
    old_version=$(dpkg-deb -f "$old" Version)
    echo "$old: version $old_version"

    new_root upgrade-root
    step "upgrade: install N ($old_version)"
    record_service_calls
    cp "$old" "$root/tmp/loa-old.deb"
    cp "$work/loa_new.deb" "$root/tmp/loa-new.deb"
    apt_install /tmp/loa-old.deb
    in_root loa --version
    local schema_before schema_after
    schema_before=$(in_root sqlite3 /var/lib/loa/loa.db 'PRAGMA user_version')
    echo "schema version: $schema_before"
    edit_station_toml

    step "upgrade: N plays two announcements (loa run --output null) to make log rows"
    as_loa env LOA_HOME=/var/lib/loa loa import /usr/share/doc/loa/examples/audio/chuong.flac
    local at date
    at=$(TZ=Asia/Ho_Chi_Minh date -d @$(($(date +%s) + 4)) +%T)
    date=$(TZ=Asia/Ho_Chi_Minh date -d @$(($(date +%s) + 4)) +%F)
    cat >"$root/tmp/now.toml" <<EOF
version = 1
title = "Upgrade test"

[[slot]]
id = "now"
dates = [$date]
at = ["$at"]
play = ["chuong", "chuong"]
EOF
    chmod 644 "$root/tmp/now.toml"
    as_loa env LOA_HOME=/var/lib/loa loa schedule load /tmp/now.toml
    # setpriv execs loa itself (runuser would stay as its parent), so the pid
    # written is the player's own, to stop it with SIGTERM as systemd would.
    in_root sh -c 'echo $$ >/tmp/player.pid; exec setpriv --reuid=loa --regid=loa --init-groups \
        env LOA_HOME=/var/lib/loa loa run --output null' >"$work/old-run.txt" 2>&1 &
    local player=$! waited=0
    until [ "$(as_loa env LOA_HOME=/var/lib/loa loa log --status completed | grep -c chuong)" -ge 2 ]; do
        sleep 1
        waited=$((waited + 1))
        [ "$waited" -lt 60 ] || {
            cat "$work/old-run.txt"
            fail "N's player did not log two completed plays in 60 s"
        }
    done
    kill -TERM "$(cat "$root/tmp/player.pid")"
    wait "$player" || fail "N's player did not stop cleanly on SIGTERM"
    sed 's/^/  N run: /' "$work/old-run.txt"
    as_loa env LOA_HOME=/var/lib/loa loa log
    local before after
    before=$(as_loa env LOA_HOME=/var/lib/loa loa export --from 2000-01-01 --to 2099-12-31 --format json)
    as_loa env LOA_HOME=/var/lib/loa loa verify

    step "upgrade: install N+1 ($new_version)"
    : >"$root/var/log/service-calls.log"
    apt_install /tmp/loa-new.deb
    in_root dpkg-query -W -f='${Version}\n' loa | grep -qx "$new_version" || fail "N+1 is not installed"
    in_root loa --version
    schema_after=$(in_root sqlite3 /var/lib/loa/loa.db 'PRAGMA user_version')
    echo "schema version: $schema_before before the upgrade, $schema_after after (migrated by the postinst's loa init)"
    [ "$schema_after" -ge "$schema_before" ] || fail "the schema version went down"
    after=$(as_loa loa export --from 2000-01-01 --to 2099-12-31 --format json)
    local rows_before rows_after
    rows_before=$(grep -oE '"row_hash": *"[0-9a-f]{64}"' <<<"$before" | sort)
    rows_after=$(grep -oE '"row_hash": *"[0-9a-f]{64}"' <<<"$after" | sort)
    echo "log rows before: $(grep -c . <<<"$rows_before"), after: $(grep -c . <<<"$rows_after")"
    [ "$(grep -c . <<<"$rows_before")" -ge 2 ] || fail "N made fewer than 2 log rows"
    [ "$rows_before" = "$rows_after" ] || fail "the log rows' hashes changed across the upgrade"
    as_loa loa verify || fail "loa verify fails after the upgrade"
    grep -q '^code = "KG-GR-TEST"' "$root/etc/loa/station.toml" || fail "the upgrade lost the operator's station.toml edit"
    echo "station.toml kept the operator's edit: $(grep '^code' "$root/etc/loa/station.toml")"
    echo "service calls made by the maintainer scripts during the upgrade:"
    sed 's/^/  /' "$root/var/log/service-calls.log"
    grep -n 'loa.service' "$root/var/log/service-calls.log" | paste -sd ' ' - |
        grep -qE '^1:deb-systemd-invoke stop loa.service 2:deb-systemd-invoke restart loa.service$' ||
        fail "the upgrade did not stop the old player (prerm) and then restart the new one (postinst)"
}

case $what in
install) test_install ;;
upgrade) test_upgrade ;;
all)
    test_install
    test_upgrade
    ;;
*) fail "usage: $0 [install|upgrade|all]" ;;
esac

step "host: the manual page renders without warnings"
for page in loa.1 loa.vi.1; do
    if warnings=$(groff -k -man -Tutf8 -ww -z "$repo/packaging/$page" 2>&1) && [ -z "$warnings" ]; then
        echo "$page: no warnings"
    else
        fail "$page: $warnings"
    fi
done

if ((${#failures[@]} > 0)); then
    printf 'deb_test: FAILED: %s\n' "${failures[@]}" >&2
    exit 1
fi
((${#skipped[@]} == 0)) || echo "deb_test: skipped: ${skipped[*]}"
step "deb_test: $what passed ($(basename "$new_deb"), $(stat -c %s "$new_deb") bytes)"
