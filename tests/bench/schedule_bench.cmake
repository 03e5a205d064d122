# The schedule benchmark (issue 4): a plain executable that prints its figures.
# ctest only asks that it finishes within generous bounds; read the figures from
# a release build: ctest --preset release -R schedule-bench -V
add_executable(schedule_bench ${CMAKE_CURRENT_LIST_DIR}/schedule_bench.cpp)
target_link_libraries(schedule_bench PRIVATE loa_schedule loa_warnings)
add_test(NAME "bench: schedule" COMMAND schedule_bench)
set_tests_properties("bench: schedule" PROPERTIES TIMEOUT 120)
