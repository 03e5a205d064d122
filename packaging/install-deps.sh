#!/usr/bin/env bash
# Installs everything loa needs to build, test and run, from Debian 12's
# packages. Non-interactive and idempotent: safe to run again.
set -euo pipefail

packages=(
    # build (zlib1g-dev: libxlsxwriter's pkg-config file links -lz)
    build-essential cmake ninja-build pkg-config zlib1g-dev
    # libraries (DESIGN.md and the issues name them)
    portaudio19-dev libsndfile1-dev libsqlite3-dev libtomlplusplus-dev libgcrypt20-dev
    libebur128-dev libcctz-dev libsystemd-dev libxlsxwriter-dev
    # the console's passwords (argon2id)
    libsodium-dev
    # typed notices read aloud in Vietnamese (loa say): espeak-ng in process
    libespeak-ng-dev
    # the station's time zone (cctz reads /usr/share/zoneinfo)
    tzdata
    # tests: Catch2 v2, a virtual sound device (JACK's dummy driver), the sample tools
    catch2 jackd2 libjack-jackd2-dev sqlite3 sox libsox-fmt-all espeak-ng python3-openpyxl ffmpeg time
    # tests: ALSA's jack plugin (PortAudio's ALSA path and aplay into JACK), aplay
    libasound2-plugins alsa-utils
    # tests: the reports opened and printed as the province does (LibreOffice, Chromium,
    # pdftotext; the fonts stand in for Calibri and Times New Roman)
    libreoffice-calc-nogui chromium poppler-utils fonts-crosextra-carlito fonts-liberation
    # translations: xgettext and msgfmt (po/), and the vi_VN locale the tests generate
    gettext locales
    # playout's resampler
    libsoxr-dev
    # CI's lint stage: tools/format.sh (clang-format-14) and tools/lint.sh (clang-tidy-14,
    # which ships run-clang-tidy-14)
    clang-format-14 clang-tidy-14
    # fuzzing (tests/fuzz/run.sh)
    clang-14 libclang-rt-14-dev
    # the Debian package and its test (packaging/build-deb.sh, tests/packaging/deb_test.sh);
    # file: CPack's dpkg-shlibdeps step; lintian: Debian's package checker (.ci/run);
    # systemd-container: systemd-nspawn boots the test root to run loa.service
    dpkg-dev mmdebstrap systemd groff-base file lintian systemd-container
    # the upgrade test builds version N (commit f89dc36), which still linked libsamplerate
    # and OpenSSL
    libsamplerate0-dev libssl-dev
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages are already installed"
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo -E) # -E keeps DEBIAN_FRONTEND
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
