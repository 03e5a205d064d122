#!/usr/bin/env bash
# Builds the Debian package loa_VERSION_amd64.deb from this tree and prints its
# path on the last line. Usage: packaging/build-deb.sh [BUILD_DIR [OUT_DIR]]
# (default build/package and build/package/deb). Extra settings for the
# configure step may be given in LOA_PACKAGE_CMAKE_ARGS (tests/packaging uses
# it to give an older tree a lower version).
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(realpath -m "${1:-$source_dir/build/package}")
out_dir=$(realpath -m "${2:-$build_dir/deb}")

# Debian's compiler and linker flags, with every hardening feature Debian
# packages use (lintian checks the binary for them): -D_FORTIFY_SOURCE=2 -O2,
# -fstack-protector-strong, -Wl,-z,relro,-z,now (PIE is gcc's default).
# dpkg-buildflags maps the source folder to "." in debug information
# (-ffile-prefix-map), so it runs from there.
buildflag() { (cd "$source_dir" && DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get "$1"); }
cppflags=$(buildflag CPPFLAGS)

# The package is a release build without the test suite, whose loa looks for
# the station in /var/lib/loa when no --home is given. The flags are given on
# the command line, not through the environment, so that a build folder
# configured before takes them too.
# shellcheck disable=SC2086 # LOA_PACKAGE_CMAKE_ARGS is a list of -D settings
cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS="$cppflags $(buildflag CFLAGS)" -DCMAKE_CXX_FLAGS="$cppflags $(buildflag CXXFLAGS)" \
    -DCMAKE_EXE_LINKER_FLAGS="$(buildflag LDFLAGS)" \
    -DLOA_BUILD_TESTS=OFF -DLOA_PACKAGE=ON ${LOA_PACKAGE_CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
mkdir -p "$out_dir"
(cd "$build_dir" && cpack -G DEB -B "$out_dir" >/dev/null)
rm -rf "$out_dir/_CPack_Packages"
ls -t "$out_dir"/loa_*.deb | head -n 1
