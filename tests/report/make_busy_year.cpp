// Makes a year of a busy station's log in a new station home, for a sample
// report: make_busy_year HOME [YEAR]   (then: loa --home HOME report ...)
#include "busy_year.hpp"

#include "lib/sqlite/database.hpp"
#include "station/home.hpp"

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: make_busy_year HOME [YEAR]\n");
        return 2;
    }
    loa::station::Home home(argv[1]);
    loa::station::StationConfig config;
    config.code = "KG-GR-VHHB";
    config.name = "Đài truyền thanh xã Vĩnh Hòa Hiệp";
    config.reports_to = "Sở Văn hóa, Thể thao và Du lịch tỉnh Kiên Giang";
    home.initialise(config);
    auto db = home.open_database();
    const auto rows = loa::test::fill_busy_year(*db, loa::TimeZone::load("Asia/Ho_Chi_Minh"),
                                                argc > 2 ? std::atoi(argv[2]) : 2020);
    std::printf("%lld plays\n", static_cast<long long>(rows));
    return 0;
}
