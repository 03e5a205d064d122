#include "daemon/status_json.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "core/station_time.hpp"

#include <array>

namespace loa::daemon {
namespace {

using engine::EngineState;

constexpr std::array<std::pair<EngineState, std::string_view>, 6> state_names{{
    {EngineState::starting, "starting"},
    {EngineState::no_schedule, "no_schedule"},
    {EngineState::idle, "idle"},
    {EngineState::playing, "playing"},
    {EngineState::device_unavailable, "device_unavailable"},
    {EngineState::stopping, "stopping"},
}};

void append_member(std::string &out, std::string_view key) {
    if (out.back() != '{')
        out.push_back(',');
    json::append_string(out, key);
    out.push_back(':');
}

void append_optional(std::string &out, const std::optional<std::string> &text) {
    if (text)
        json::append_string(out, *text);
    else
        out += "null";
}

void append_now_playing(std::string &out, const engine::NowPlaying &now, const TimeZone &zone) {
    out.push_back('{');
    append_member(out, "announcement");
    json::append_string(out, now.announcement);
    append_member(out, "title");
    json::append_string(out, now.title);
    append_member(out, "slot");
    append_optional(out, now.slot.empty() ? std::nullopt : std::optional(now.slot));
    append_member(out, "position");
    out += std::to_string(now.position);
    append_member(out, "priority");
    json::append_string(out, loa::to_string(now.priority));
    append_member(out, "started_at");
    json::append_string(out, zone.format_iso(now.started_at));
    out.push_back('}');
}

void append_upcoming(std::string &out, const engine::UpcomingOccurrence &next,
                     const TimeZone &zone) {
    out.push_back('{');
    append_member(out, "slot");
    json::append_string(out, next.slot);
    append_member(out, "at");
    json::append_string(out, zone.format_iso(next.at));
    append_member(out, "priority");
    json::append_string(out, loa::to_string(next.priority));
    append_member(out, "items");
    out.push_back('[');
    for (std::size_t i = 0; i < next.items.size(); ++i) {
        if (i)
            out.push_back(',');
        json::append_string(out, next.items[i]);
    }
    out += "]}";
}

[[noreturn]] void bad_member(std::string_view key) {
    throw Error(i18n::format(_("the player's status has no readable '{1}'; is 'loa' the same "
                               "version as the running player?"),
                             key));
}

const json::Value &member(const json::Value &object, std::string_view key) {
    const json::Value *value = object.member(key);
    if (!value)
        bad_member(key);
    return *value;
}

std::string text(const json::Value &object, std::string_view key) {
    const std::string *value = member(object, key).string();
    if (!value)
        bad_member(key);
    return *value;
}

std::optional<std::string> optional_text(const json::Value &object, std::string_view key) {
    const json::Value &value = member(object, key);
    if (value.is_null())
        return std::nullopt;
    if (!value.string())
        bad_member(key);
    return *value.string();
}

long long integer(const json::Value &object, std::string_view key) {
    const auto value = member(object, key).integer();
    if (!value)
        bad_member(key);
    return *value;
}

TimePoint instant(const json::Value &object, std::string_view key) {
    const auto value = StationTime::parse(text(object, key));
    if (!value)
        bad_member(key);
    return value->instant;
}

Priority priority(const json::Value &object) {
    const auto value = parse_priority(text(object, "priority"));
    if (!value)
        bad_member("priority");
    return *value;
}

} // namespace

std::string_view to_string(EngineState state) noexcept {
    for (const auto &[value, name] : state_names)
        if (value == state)
            return name;
    return "starting";
}

std::optional<EngineState> parse_engine_state(std::string_view text) noexcept {
    for (const auto &[value, name] : state_names)
        if (name == text)
            return value;
    return std::nullopt;
}

std::string status_to_json(const engine::EngineStatus &status, const TimeZone &zone,
                           PlayerPresence presence) {
    const bool running = presence == PlayerPresence::running;
    std::string out = "{";
    append_member(out, "running");
    out += running ? "true" : "false";
    append_member(out, "state");
    json::append_string(out, running ? to_string(status.state) : "not_running");
    append_member(out, "device");
    append_optional(out, running ? std::optional(status.device) : std::nullopt);
    append_member(out, "schedule_version");
    out += std::to_string(status.schedule_version);
    append_member(out, "schedule_file");
    append_optional(out, status.schedule_file.empty() ? std::nullopt
                                                      : std::optional(status.schedule_file));
    append_member(out, "now_playing");
    if (status.now_playing)
        append_now_playing(out, *status.now_playing, zone);
    else
        out += "null";
    append_member(out, "next");
    out.push_back('[');
    for (std::size_t i = 0; i < status.next.size(); ++i) {
        if (i)
            out.push_back(',');
        append_upcoming(out, status.next[i], zone);
    }
    out.push_back(']');
    append_member(out, "problems");
    out.push_back('[');
    for (std::size_t i = 0; i < status.problems.size(); ++i) {
        out += i ? ",{" : "{";
        append_member(out, "at");
        json::append_string(out, zone.format_iso(status.problems[i].at));
        append_member(out, "message");
        json::append_string(out, status.problems[i].message);
        out.push_back('}');
    }
    out.push_back(']');
    append_member(out, "log_problem");
    append_optional(out, status.log_problem);
    append_member(out, "pending_log_rows");
    out += std::to_string(status.pending_log_rows);
    out.push_back('}');
    return out;
}

engine::EngineStatus status_from_json(const json::Value &object) {
    if (object.kind() != json::Value::Kind::object)
        throw Error(_("the player's status is not a JSON object; is 'loa' the same version as "
                      "the running player?"));
    engine::EngineStatus status;
    const auto state = parse_engine_state(text(object, "state"));
    if (!state)
        bad_member("state");
    status.state = *state;
    status.device = optional_text(object, "device").value_or("");
    status.schedule_version = integer(object, "schedule_version");
    status.schedule_file = optional_text(object, "schedule_file").value_or("");
    if (const json::Value &now = member(object, "now_playing"); !now.is_null()) {
        engine::NowPlaying playing;
        playing.announcement = text(now, "announcement");
        playing.title = text(now, "title");
        playing.slot = optional_text(now, "slot").value_or("");
        playing.position = integer(now, "position");
        playing.priority = priority(now);
        playing.started_at = instant(now, "started_at");
        status.now_playing = std::move(playing);
    }
    for (const json::Value &item : member(object, "next").elements()) {
        engine::UpcomingOccurrence next;
        next.slot = text(item, "slot");
        next.at = instant(item, "at");
        next.priority = priority(item);
        for (const json::Value &id : member(item, "items").elements()) {
            if (!id.string())
                bad_member("items");
            next.items.push_back(*id.string());
        }
        status.next.push_back(std::move(next));
    }
    for (const json::Value &item : member(object, "problems").elements())
        status.problems.push_back({instant(item, "at"), text(item, "message")});
    status.log_problem = optional_text(object, "log_problem");
    const long long pending = integer(object, "pending_log_rows");
    if (pending < 0)
        bad_member("pending_log_rows");
    status.pending_log_rows = static_cast<std::size_t>(pending);
    return status;
}

} // namespace loa::daemon
