# Every dependency comes from Debian 12's packages (packaging/install-deps.sh).
# The C libraries ship no CMake config; pkg-config gives imported targets.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(tomlplusplus 3 REQUIRED)
pkg_check_modules(PORTAUDIO REQUIRED IMPORTED_TARGET portaudio-2.0)
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(EBUR128 REQUIRED IMPORTED_TARGET libebur128)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(SYSTEMD IMPORTED_TARGET libsystemd)
pkg_check_modules(GCRYPT REQUIRED IMPORTED_TARGET libgcrypt)
# The console's passwords: argon2id (crypto_pwhash_str).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# libespeak-ng-dev: the Vietnamese voice of typed notices (loa say), in process
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)

# cctz (Google's civil-time library, package libcctz-dev) reads the system's
# zoneinfo; GCC 12's <chrono> has no time-zone database.
find_library(CCTZ_LIBRARY NAMES cctz REQUIRED)
find_path(CCTZ_INCLUDE_DIR cctz/time_zone.h REQUIRED)
add_library(cctz::cctz UNKNOWN IMPORTED)
set_target_properties(cctz::cctz PROPERTIES
    IMPORTED_LOCATION "${CCTZ_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CCTZ_INCLUDE_DIR}")

if(LOA_BUILD_TESTS)
    find_package(Catch2 2 REQUIRED)
    include(Catch)
endif()
