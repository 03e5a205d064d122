// libFuzzer target: any bytes through parse(), and whatever parses through check()
// and a week of expand(), in a zone with daylight saving. No input may crash, hang
// or trip a sanitizer; every diagnostic must name a place in the file.
#include "schedule/check.hpp"
#include "schedule/schedule.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>

namespace {

using namespace std::chrono_literals;
using loa::schedule::AnnouncementFacts;

/// A made-up library in which every id exists except those starting with 'x',
/// lasting from its length, some with validity dates.
std::optional<AnnouncementFacts> lookup(const std::string &id) {
    if (id.empty() || id.front() == 'x')
        return std::nullopt;
    const auto hash = std::hash<std::string>{}(id);
    AnnouncementFacts facts{std::chrono::milliseconds{static_cast<long>(hash % 900'000)}, {}, {}};
    if (hash % 3 == 0)
        facts.valid_until = std::chrono::year{2020} / 8 / 31;
    if (hash % 5 == 0)
        facts.valid_from = std::chrono::year{2020} / 9 / 1;
    return facts;
}

const loa::schedule::CheckContext &station() {
    static const loa::schedule::CheckContext context = [] {
        loa::schedule::CheckContext built;
        built.lookup = lookup;
        built.quiet_hours = loa::schedule::QuietHours{22h, 5h};
        built.max_session = 45min;
        built.zone = loa::TimeZone::load("Europe/Berlin");
        return built;
    }();
    return context;
}

void require(bool condition) {
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const auto parsed = loa::schedule::parse(text, "fuzz.toml");
    require(parsed.ok() == static_cast<bool>(parsed.schedule));
    for (const auto &diagnostic : parsed.diagnostics)
        require(!loa::schedule::format(diagnostic).empty());
    if (!parsed.schedule)
        return 0;
    for (const auto &diagnostic : loa::schedule::check(*parsed.schedule, station()))
        require(diagnostic.position.line > 0 && !loa::schedule::format(diagnostic).empty());
    const auto from = std::chrono::sys_days{std::chrono::year{2021} / 3 / 25};
    const auto occurrences =
        loa::schedule::expand(*parsed.schedule, from, from + std::chrono::days{7}, station().zone);
    for (std::size_t i = 1; i < occurrences.size(); ++i)
        require(occurrences[i - 1].at <= occurrences[i].at);
    return 0;
}
