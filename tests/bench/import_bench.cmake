# The import benchmark (issue 3): a script that prints its figures (speed on one
# core, peak memory, ffmpeg's ebur128 on the same file, loudness agreement). ctest
# only asks that it finishes and that loudness agrees within 0.1 LU; read the
# figures from a release build: ctest --preset release -R import-bench -V
add_test(NAME "bench: import-bench, one hour of 48 kHz stereo FLAC"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/import_bench.sh $<TARGET_FILE:loa> ${PROJECT_SOURCE_DIR} 60)
set_tests_properties("bench: import-bench, one hour of 48 kHz stereo FLAC" PROPERTIES TIMEOUT 900)
