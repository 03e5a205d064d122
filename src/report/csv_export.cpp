#include "report/csv_export.hpp"

#include <array>
#include <optional>

namespace loa::report {
namespace {

constexpr std::array header{"play_id",     "station",  "slot",       "scheduled_at", "position",
                            "started_at",  "ended_at", "announcement", "sha256",     "status",
                            "lateness_ms", "duration_ms", "priority", "trigger",     "error",
                            "chain_id",    "seq",      "prev_hash",  "row_hash",     "canonical"};

std::string text(const std::optional<std::string> &value) {
    return value.value_or("");
}

std::string text(const std::optional<std::int64_t> &value) {
    return value ? std::to_string(*value) : "";
}

} // namespace

std::string csv_field(const std::string &text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted.push_back('"');
        quoted.push_back(c);
    }
    return quoted + "\"";
}

void write_csv(std::ostream &out, const std::vector<playlog::PlayRecord> &rows,
               const std::string &chain_id) {
    for (std::size_t i = 0; i < header.size(); ++i)
        out << (i ? "," : "") << header[i];
    out << "\r\n";
    for (const auto &r : rows) {
        const std::array<std::string, header.size()> fields{
            std::to_string(r.play_id), r.station, text(r.slot), text(r.scheduled_at),
            text(r.position), text(r.started_at), text(r.ended_at), r.announcement,
            text(r.sha256), std::string(to_string(r.status)), text(r.lateness_ms),
            text(r.duration_ms), std::string(to_string(r.priority)),
            std::string(to_string(r.trigger)), text(r.error), r.seq ? chain_id : "",
            text(r.seq), text(r.prev_hash), text(r.row_hash), text(r.canonical)};
        for (std::size_t i = 0; i < fields.size(); ++i)
            out << (i ? "," : "") << csv_field(fields[i]);
        out << "\r\n";
    }
}

} // namespace loa::report
