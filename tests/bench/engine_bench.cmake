# The engine benchmarks (issue 6): scripts that print their figures. ctest only asks
# that they finish; read the figures from a release build:
#   ctest --preset release -R "simulate-bench|idle player" -V
# (The idle benchmark runs as "e2e: idle player, no wake-ups in 30 s", with a limit.)
add_test(NAME "bench: simulate-bench, a month of a typical schedule"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/simulate_bench.sh $<TARGET_FILE:loa> ${PROJECT_SOURCE_DIR})
set_tests_properties("bench: simulate-bench, a month of a typical schedule" PROPERTIES TIMEOUT 120)
