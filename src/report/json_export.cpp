#include "report/json_export.hpp"

#include "core/json.hpp"

namespace loa::report {
namespace {

std::string value(const std::optional<std::string> &text) {
    return text ? json::quoted(*text) : "null";
}

std::string value(const std::optional<std::int64_t> &number) {
    return number ? std::to_string(*number) : "null";
}

} // namespace

void write_json_lines(std::ostream &out, const std::vector<playlog::PlayRecord> &rows,
                      const std::string &chain_id) {
    for (const auto &r : rows)
        write_json_line(out, r, chain_id);
}

void write_json_line(std::ostream &out, const playlog::PlayRecord &r, const std::string &chain_id) {
    {
        out << "{\"play_id\":" << r.play_id << ",\"station\":" << json::quoted(r.station)
            << ",\"slot\":" << value(r.slot) << ",\"scheduled_at\":" << value(r.scheduled_at)
            << ",\"position\":" << value(r.position) << ",\"started_at\":" << value(r.started_at)
            << ",\"ended_at\":" << value(r.ended_at) << ",\"announcement\":" << json::quoted(r.announcement)
            << ",\"sha256\":" << value(r.sha256) << ",\"status\":" << json::quoted(to_string(r.status))
            << ",\"lateness_ms\":" << value(r.lateness_ms) << ",\"duration_ms\":" << value(r.duration_ms)
            << ",\"priority\":" << json::quoted(to_string(r.priority))
            << ",\"trigger\":" << json::quoted(to_string(r.trigger)) << ",\"error\":" << value(r.error)
            << ",\"chain_id\":" << (r.seq ? json::quoted(chain_id) : "null") << ",\"seq\":" << value(r.seq)
            << ",\"prev_hash\":" << value(r.prev_hash) << ",\"row_hash\":" << value(r.row_hash)
            << ",\"canonical\":" << value(r.canonical) << "}\n";
    }
}

} // namespace loa::report
