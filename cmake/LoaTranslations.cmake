# Translations (GNU gettext, package `gettext`): the messages marked with _() and N_()
# in src/ are extracted by the `pot` target into po/loa.pot (committed, so a translator
# needs no build); po/<lang>.po is compiled at build time into the build tree's
# locale/<lang>/LC_MESSAGES/loa.mo (tests point $LOA_LOCALEDIR there) and installed
# under share/locale. English is the source language and has no catalogue.
find_program(LOA_XGETTEXT xgettext REQUIRED)
find_program(LOA_MSGFMT msgfmt REQUIRED)
find_program(LOA_MSGMERGE msgmerge REQUIRED)

set(LOA_LANGUAGES vi)
set(LOA_BUILD_LOCALEDIR "${PROJECT_BINARY_DIR}/locale")
if(LOA_PACKAGE)
    set(loa_installed_localedir /usr/share/locale)
else()
    set(loa_installed_localedir "${CMAKE_INSTALL_PREFIX}/share/locale")
endif()
target_compile_definitions(loa_core PRIVATE LOA_LOCALEDIR="${loa_installed_localedir}")

# xgettext's options, shared by the `pot` target and the catalogue test
# (tests/i18n/catalogue_test.sh): sorted by message and with file names only, so the
# catalogue changes only where a message does.
set(LOA_XGETTEXT_OPTIONS --language=C++ --from-code=UTF-8 --keyword=_ --keyword=N_
    --sort-output --add-location=file --package-name=loa --package-version=${PROJECT_VERSION}
    --msgid-bugs-address=loa-maintainers@example.org)
file(GLOB_RECURSE loa_translated_sources RELATIVE "${PROJECT_SOURCE_DIR}"
     CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/*.cpp" "${PROJECT_SOURCE_DIR}/src/*.hpp")
list(FILTER loa_translated_sources EXCLUDE REGEX "^src/lib/")
list(SORT loa_translated_sources)
set(LOA_TRANSLATED_SOURCES_FILE "${PROJECT_BINARY_DIR}/po/sources.txt")
string(JOIN "\n" loa_sources_text ${loa_translated_sources})
file(CONFIGURE OUTPUT "${LOA_TRANSLATED_SOURCES_FILE}" CONTENT "${loa_sources_text}\n")

# cmake --build --preset ci --target pot: regenerates po/loa.pot and merges it into each
# po/<lang>.po (new messages appear there untranslated, for the translator; no fuzzy
# guesses, which read like a translation but say something else).
set(loa_merge_commands)
foreach(language IN LISTS LOA_LANGUAGES)
    list(APPEND loa_merge_commands COMMAND "${LOA_MSGMERGE}" --quiet --update --backup=none --no-fuzzy-matching
         --sort-output --add-location=file "${PROJECT_SOURCE_DIR}/po/${language}.po"
         "${PROJECT_SOURCE_DIR}/po/loa.pot")
endforeach()
add_custom_target(pot
    COMMAND "${LOA_XGETTEXT}" ${LOA_XGETTEXT_OPTIONS} --files-from=${LOA_TRANSLATED_SOURCES_FILE}
            --output=${PROJECT_SOURCE_DIR}/po/loa.pot
    ${loa_merge_commands}
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" VERBATIM
    COMMENT "Extracting the messages into po/loa.pot")

set(loa_catalogues)
foreach(language IN LISTS LOA_LANGUAGES)
    set(mo "${LOA_BUILD_LOCALEDIR}/${language}/LC_MESSAGES/loa.mo")
    add_custom_command(OUTPUT "${mo}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${LOA_BUILD_LOCALEDIR}/${language}/LC_MESSAGES"
        COMMAND "${LOA_MSGFMT}" --check --output-file=${mo} "${PROJECT_SOURCE_DIR}/po/${language}.po"
        DEPENDS "${PROJECT_SOURCE_DIR}/po/${language}.po" VERBATIM)
    list(APPEND loa_catalogues "${mo}")
    install(FILES "${mo}" DESTINATION share/locale/${language}/LC_MESSAGES)
endforeach()
add_custom_target(loa_catalogues ALL DEPENDS ${loa_catalogues})
