# shellcheck shell=bash disable=SC2154 # repo, step and fail come from the script that sources this
# A clean Debian 12 root for the package tests, sourced by deb_test.sh and
# fresh_build_test.sh (needs root and mmdebstrap). It is made once with
# mmdebstrap from the mirror apt already uses and cached as a tarball in
# build/package-test, remade when it is older than a week, when its recipe
# changes or when LOA_DEB_TEST_FRESH=1; apt's downloads are cached next to it.
#
# Before sourcing, the caller sets `repo` (the source tree) and defines
# `fail MESSAGE` and `step MESSAGE`. It then calls `new_root NAME`, which
# unpacks the tarball into build/package-test/NAME and mounts what a chroot
# needs, runs commands in it with `in_root COMMAND...`, and leaves the removal
# to the EXIT trap set here (or calls `cleanup` itself).

work="$repo/build/package-test"
mkdir -p "$work"

mirror=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
    grep -oE 'https?://[^ ]+' | head -n 1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
base="$work/bookworm-base.tar"
# systemd: every station PC has it (the package needs systemd-sysusers and
# systemd-analyze); tzdata and man-db: so has every installed Debian (a purge
# test would otherwise see tzdata stay behind; systemd-analyze verify checks the
# unit's man: documentation with man); sqlite3: the test reads the schema version;
# dbus: systemd recommends it, so an installed Debian with systemd has it (loa's
# speech library pulls it in, libespeak-ng1 -> libpulse0 -> libdbus-1-3, which
# recommends it, and a purge then sees it stay: apt keeps what systemd recommends).
# The fresh build installs all of these again through install-deps.sh, which
# names systemd, tzdata and sqlite3 itself (man-db and dbus are not needed to build).
include=systemd,tzdata,man-db,sqlite3,dbus
recipe="bookworm apt $include $mirror"

# make_base: the cached tarball, made when missing or stale.
make_base() {
    if [ -n "${LOA_DEB_TEST_FRESH:-}" ] || [ ! -s "$base" ] || [ -n "$(find "$base" -mtime +7)" ] ||
        [ "$(cat "$base.recipe" 2>/dev/null)" != "$recipe" ]; then
        step "making a clean Debian 12 root from $mirror (cached in $base)"
        rm -f "$base"
        mmdebstrap --quiet --format=tar --variant=apt --include="$include" bookworm "$base.tmp" "$mirror"
        mv "$base.tmp" "$base"
        echo "$recipe" >"$base.recipe"
    fi
    mkdir -p "$work/apt-archives/partial"
}

root=""
mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}" 2>/dev/null || true
    done
    mounts=()
    if [ -n "$root" ]; then
        rm -rf --one-file-system "$root"
        root=""
    fi
}
trap cleanup EXIT

# new_root NAME: unpacks the cached root into build/package-test/NAME and
# mounts what a chroot needs (apt's download cache is shared between runs).
new_root() {
    cleanup
    make_base
    root="$work/$1"
    rm -rf --one-file-system "$root"
    mkdir -p "$root"
    tar -C "$root" -xf "$base"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    mount -t proc proc "$root/proc" && mounts+=("$root/proc")
    mount --bind /dev "$root/dev" && mounts+=("$root/dev")
    mount -t tmpfs tmpfs "$root/run" && mounts+=("$root/run")
    # The host's own downloads, where it kept any (apt checks each against the
    # mirror's hashes): a machine that installed the same packages fetches none again.
    find /var/cache/apt/archives -maxdepth 1 -name '*.deb' -exec cp -n -l -t "$work/apt-archives" {} + 2>/dev/null ||
        find /var/cache/apt/archives -maxdepth 1 -name '*.deb' -exec cp -n -t "$work/apt-archives" {} + 2>/dev/null || true
    mount --bind "$work/apt-archives" "$root/var/cache/apt/archives" && mounts+=("$root/var/cache/apt/archives")
    in_root apt-get update -qq
}

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
