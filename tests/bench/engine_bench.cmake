# The engine benchmarks (issue 6): scripts that print their figures. ctest only asks
# that they finish; read the figures from a release build:
#   ctest --preset release -R "idle-bench|simulate-bench" -V
add_test(NAME "bench: idle-bench, the player between events"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/idle_bench.sh $<TARGET_FILE:loa> 30)
set_tests_properties("bench: idle-bench, the player between events" PROPERTIES TIMEOUT 120)
add_test(NAME "bench: simulate-bench, a month of a typical schedule"
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/simulate_bench.sh $<TARGET_FILE:loa> ${PROJECT_SOURCE_DIR})
set_tests_properties("bench: simulate-bench, a month of a typical schedule" PROPERTIES TIMEOUT 120)
