#include "report/planned_plays.hpp"

#include <algorithm>

namespace loa::report {

std::map<std::string, std::size_t> planned_items(const std::vector<ScheduleSpan> &spans,
                                                 TimePoint from, TimePoint to,
                                                 const TimeZone &zone) {
    std::map<std::string, std::size_t> planned;
    for (const auto &span : spans) {
        const TimePoint begin = std::max(from, span.active_from);
        const TimePoint end = span.active_until ? std::min(to, *span.active_until) : to;
        if (begin >= end)
            continue;
        for (const auto &occurrence : schedule::expand(span.schedule, begin, end, zone))
            for (const auto &item : occurrence.items)
                ++planned[item];
    }
    return planned;
}

} // namespace loa::report
