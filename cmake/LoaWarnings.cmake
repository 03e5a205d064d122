# Warnings of STYLE.md, applied to loa's own targets through loa_warnings.
add_library(loa_warnings INTERFACE)
target_compile_options(loa_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Woverloaded-virtual
    $<$<COMPILE_LANGUAGE:CXX>:-Wsuggest-override>
    $<$<BOOL:${LOA_WERROR}>:-Werror>)

# loa_module(NAME SOURCES... DEPENDS targets...): one static library per module.
function(loa_module name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
    add_library(loa_${name} STATIC ${ARG_SOURCES})
    target_include_directories(loa_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(loa_${name} PUBLIC ${ARG_DEPENDS} PRIVATE loa_warnings)
endfunction()
