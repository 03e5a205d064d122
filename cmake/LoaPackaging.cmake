# The Debian package: packaging/build-deb.sh configures a build with
# -DLOA_PACKAGE=ON and runs `cpack -G DEB`, which gives loa_VERSION_amd64.deb.
# CPack rather than a debian/ directory because the package is built from the
# same CMake tree as everything else (one version, one install layout), with no
# source package or changelog to keep in step; the maintainer scripts in
# packaging/debian/ do what dh_installsystemd, dh_installsysusers and
# dh_installtmpfiles would generate.
#
# Installed layout (paths under /usr come from CPACK_PACKAGING_INSTALL_PREFIX):
#   /usr/bin/loa                                 the program (src/cli)
#   /usr/lib/systemd/system/loa.service          the unattended player
#   /usr/lib/sysusers.d/loa.conf                 system user loa, member of audio
#   /usr/lib/tmpfiles.d/loa.conf                 /var/lib/loa (0750 loa:loa) and its station.toml link
#   /etc/loa/station.toml                        conffile; /var/lib/loa/station.toml links to it
#   /usr/share/man/man1/loa.1.gz, /usr/share/bash-completion/completions/loa
#   /usr/share/man/vi/man1/loa.1.gz                the manual page in Vietnamese
#   /usr/share/locale/vi/LC_MESSAGES/loa.mo       the messages in Vietnamese (po/vi.po)

#   /usr/share/doc/loa/                          README, schedule guide, examples (schedules, sample audio)

option(LOA_PACKAGE "Build for the Debian package: loa defaults to /var/lib/loa, and the install \
rules and CPack settings of the package are set up (packaging/build-deb.sh turns it on)" OFF)
set(LOA_PACKAGE_VERSION "${PROJECT_VERSION}" CACHE STRING
    "Debian version of the package (tests/packaging gives an older tree a lower one, e.g. 0.1.0~git.f89dc36)")
# A reserved domain (RFC 2606) until the project has a mailing address of its
# own: lintian refuses a host without a domain such as localhost, and mail to
# example.org reaches nobody by mistake. Set the real one with
# LOA_PACKAGE_CMAKE_ARGS=-DLOA_PACKAGE_MAINTAINER="Name <address>".
set(LOA_PACKAGE_MAINTAINER "loa maintainers <loa-maintainers@example.org>" CACHE STRING
    "Maintainer of the Debian package (its Maintainer field and changelog), as Name <address>")
if(NOT LOA_PACKAGE)
    # A developer's build keeps the current folder as the default home, and
    # `cmake --install` installs only the program (src/cli), never into /etc.
    return()
endif()
target_compile_definitions(loa PRIVATE LOA_DEFAULT_HOME="/var/lib/loa")

set(loa_packaging "${PROJECT_SOURCE_DIR}/packaging")

install(FILES "${loa_packaging}/loa.service" DESTINATION lib/systemd/system)
install(FILES "${loa_packaging}/loa.sysusers" DESTINATION lib/sysusers.d RENAME loa.conf)
install(FILES "${loa_packaging}/loa.tmpfiles" DESTINATION lib/tmpfiles.d RENAME loa.conf)
install(FILES "${loa_packaging}/station.toml" DESTINATION /etc/loa)
install(FILES "${loa_packaging}/loa.bash-completion" DESTINATION share/bash-completion/completions RENAME loa)

# The manual page carries the project's version; Debian wants it compressed,
# reproducibly (-n: no name or time stamp).
configure_file("${loa_packaging}/loa.1" "${PROJECT_BINARY_DIR}/loa.1" @ONLY)
find_program(LOA_GZIP gzip REQUIRED)
add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/loa.1.gz"
                   COMMAND "${LOA_GZIP}" -9 -n -c "${PROJECT_BINARY_DIR}/loa.1" > "${PROJECT_BINARY_DIR}/loa.1.gz"
                   DEPENDS "${PROJECT_BINARY_DIR}/loa.1" VERBATIM)
# The Vietnamese one (the same synopses) goes where man finds it for a vi locale.
configure_file("${loa_packaging}/loa.vi.1" "${PROJECT_BINARY_DIR}/vi/loa.1" @ONLY)
add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/vi/loa.1.gz"
                   COMMAND "${LOA_GZIP}" -9 -n -c "${PROJECT_BINARY_DIR}/vi/loa.1" > "${PROJECT_BINARY_DIR}/vi/loa.1.gz"
                   DEPENDS "${PROJECT_BINARY_DIR}/vi/loa.1" VERBATIM)
add_custom_target(loa_man_page ALL DEPENDS "${PROJECT_BINARY_DIR}/loa.1.gz" "${PROJECT_BINARY_DIR}/vi/loa.1.gz")
install(FILES "${PROJECT_BINARY_DIR}/loa.1.gz" DESTINATION share/man/man1)
install(FILES "${PROJECT_BINARY_DIR}/vi/loa.1.gz" DESTINATION share/man/vi/man1)

# Debian's changelog of a native package, /usr/share/doc/loa/changelog.gz: its
# newest entry must be this version's (packaging/changelog, Debian's format).
file(STRINGS "${loa_packaging}/changelog" loa_changelog_top LIMIT_COUNT 1)
if(NOT loa_changelog_top MATCHES "^loa \\(([^)]+)\\) ")
    message(FATAL_ERROR "packaging/changelog:1: not a Debian changelog entry (\"loa (VERSION) bookworm; urgency=medium\"); "
                        "see deb-changelog(5)")
elseif(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "packaging/changelog:1: the newest entry is for ${CMAKE_MATCH_1} but the project is "
                        "${PROJECT_VERSION} (CMakeLists.txt): add an entry for ${PROJECT_VERSION} at the top")
endif()
configure_file("${loa_packaging}/changelog" "${PROJECT_BINARY_DIR}/changelog" @ONLY)
add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/changelog.gz"
                   COMMAND "${LOA_GZIP}" -9 -n -c "${PROJECT_BINARY_DIR}/changelog" > "${PROJECT_BINARY_DIR}/changelog.gz"
                   DEPENDS "${PROJECT_BINARY_DIR}/changelog" VERBATIM)
add_custom_target(loa_changelog ALL DEPENDS "${PROJECT_BINARY_DIR}/changelog.gz")
install(FILES "${PROJECT_BINARY_DIR}/changelog.gz" DESTINATION share/doc/loa)

install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION share/doc/loa)
install(FILES "${PROJECT_SOURCE_DIR}/schedules/README.md" DESTINATION share/doc/loa RENAME schedules.md)
install(FILES "${loa_packaging}/copyright" DESTINATION share/doc/loa)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/schedules/" DESTINATION share/doc/loa/examples/schedules
        FILES_MATCHING PATTERN "*.toml")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/audio/" DESTINATION share/doc/loa/examples/audio
        FILES_MATCHING PATTERN "*.flac" PATTERN "*.ogg" PATTERN "README.md")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME loa)
set(CPACK_PACKAGE_VERSION "${LOA_PACKAGE_VERSION}")
set(CPACK_PACKAGE_CONTACT "${LOA_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # loa_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_VERSION "${LOA_PACKAGE_VERSION}")
set(CPACK_DEBIAN_PACKAGE_RELEASE "")
set(CPACK_DEBIAN_PACKAGE_SECTION sound)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# CPack puts the summary first and indents each line of this text as the long
# description; it does not wrap it, and Debian wants lines of at most 80 columns.
string(JOIN "\n" CPACK_DEBIAN_PACKAGE_DESCRIPTION
       "loa keeps a station's recorded announcements, plays them unattended on"
       "schedule through the sound card, logs every play in a hash-chained SQLite"
       "log that survives power cuts, and exports that log and the weekly report"
       "for the province. It runs as the systemd service loa.service, as the"
       "system user loa, with its data in /var/lib/loa and its settings in"
       "/etc/loa/station.toml.")
# Shared-library dependencies from the binary (dpkg-shlibdeps), plus what the
# maintainer scripts run: systemd-sysusers and systemd-tmpfiles (systemd),
# deb-systemd-helper and deb-systemd-invoke (init-system-helpers). loa say's voice,
# libespeak-ng1, comes with the shared libraries, and brings its Vietnamese voice
# data (espeak-ng-data) as its own dependency.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, init-system-helpers (>= 1.54), tzdata")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${loa_packaging}/debian/conffiles;${loa_packaging}/debian/postinst;${loa_packaging}/debian/prerm;${loa_packaging}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
