# The text-to-speech benchmark (issue 23): `loa say` of a one-minute bulletin on one
# core, synthesis apart from import. ctest asks only that it runs and that the
# bulletin is about a minute long; read the figures with ctest -R say-bench -V.
add_test(NAME "bench: say-bench, a one-minute bulletin read aloud"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/say_bench.sh $<TARGET_FILE:loa>)
set_tests_properties("bench: say-bench, a one-minute bulletin read aloud" PROPERTIES TIMEOUT 120)
