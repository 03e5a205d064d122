#include "playlog/reason_text.hpp"

#include "core/i18n.hpp"
#include "playlog/people_numbers.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace loa::playlog {
namespace {

using namespace std::string_view_literals;

constexpr std::array<std::string_view, 0> none{};
constexpr std::array instants{"from"sv, "to"sv};
constexpr std::array later{"cause"sv, "later"sv};
constexpr std::array late{"cause"sv, "late_s"sv};
constexpr std::array late_limit{"cause"sv, "late_s"sv, "allowed_s"sv};
constexpr std::array announcement{"announcement"sv};
constexpr std::array peak{"peak_dbfs"sv};

// The English patterns are the texts loa wrote before reasons had codes: frozen.
const std::array catalogue{
    ReasonEntry{"gap.not_running", N_("the player was not running at the slot's time"), none},
    ReasonEntry{"gap.clock_forward",
                N_("the system clock jumped forward from {1} to {2} (or the computer was "
                   "suspended)"),
                instants},
    ReasonEntry{"gap.clock_back",
                N_("the system clock went back from {1} to {2}; what already played will not "
                   "play again"),
                instants},
    ReasonEntry{"gap.device_failed", N_("the sound device failed"), none},
    ReasonEntry{"gap.busy", N_("the player was busy with earlier plays"), none},
    ReasonEntry{"missed.later_time",
                N_("{1}; the same slot's later time {2} plays instead, not both"), later},
    ReasonEntry{"missed.late_not_allowed", N_("{1} ({2} late; the slot does not allow late plays)"),
                late},
    ReasonEntry{"missed.late_limit", N_("{1} ({2} late; the slot allows {3})"), late_limit},
    ReasonEntry{"skipped.quiet_hours", N_("inside the station's quiet hours"), none},
    ReasonEntry{"skipped.quiet_hours_request",
                N_("inside the station's quiet hours (only an emergency plays then)"), none},
    ReasonEntry{"failed.not_in_library",
                N_("announcement '{1}' is not in the library; import it with 'loa import'"),
                announcement},
    ReasonEntry{"failed.gone_from_library", N_("announcement '{1}' is not in the library any more"),
                announcement},
    ReasonEntry{"failed.silent_output",
                N_("the station's loudness settings (loudness_target_lufs, max_boost_db in "
                   "station.toml) would play this file silent: its loudest sample would reach "
                   "{1}; fix them (a running player reads them when it starts)"),
                peak},
    ReasonEntry{"interrupted.emergency_slot",
                N_("interrupted by an emergency play; it continues after it as its slot's "
                   "on_interrupt says"),
                none},
    ReasonEntry{"interrupted.emergency",
                N_("interrupted by an emergency play; it continues after "
                   "it"),
                none},
    ReasonEntry{"interrupted.player_stopped", N_("the player was stopped during this play"), none},
    ReasonEntry{"interrupted.stopped_before_start", N_("stopped before it started"), none},
    ReasonEntry{"interrupted.crash", N_("the player stopped during this play (power cut or crash)"),
                none},
    ReasonEntry{"not_started.has_outcome",
                N_("this item already has its outcome in the play log; it does not play again"),
                none},
};

enum class Writing { chained, people };

const char *in(Writing writing, const char *message) {
    return writing == Writing::people ? i18n::translate(message) : message;
}

std::string duration_text(std::string_view seconds_text, Writing writing) {
    std::int64_t seconds = 0;
    std::from_chars(seconds_text.data(), seconds_text.data() + seconds_text.size(), seconds);
    if (seconds >= 60)
        return i18n::format(in(writing, N_("{1} min")), std::to_string(seconds / 60));
    return i18n::format(in(writing, N_("{1} s")), std::to_string(seconds));
}

std::string peak_text(std::string_view dbfs, Writing writing) {
    if (dbfs.empty())
        return in(writing, N_("nothing"));
    return i18n::format(in(writing, N_("{1} dBFS")),
                        writing == Writing::people ? people_decimal(dbfs) : std::string(dbfs));
}

std::string written(const Reason &reason, std::string_view code, Writing writing);

/// Parameter `name` of `reason` as the writing shows it.
std::string param_text(const Reason &reason, std::string_view name, Writing writing) {
    const auto value = reason.param(name);
    if (name == "cause")
        return value.empty() ? std::string(reason.param("cause_text"))
                             : written(reason, value, writing);
    if (name.ends_with("_s"))
        return duration_text(value, writing);
    if (name == "peak_dbfs")
        return peak_text(value, writing);
    if (writing == Writing::people && (name == "from" || name == "to" || name == "later"))
        return people_date_time(value);
    return std::string(value);
}

std::string written(const Reason &reason, std::string_view code, Writing writing) {
    if (code.empty())
        return reason.text;
    const ReasonEntry *entry = find_reason(code);
    if (!entry)
        return std::string(code);
    std::vector<std::string> texts;
    texts.reserve(entry->params.size());
    for (const auto name : entry->params)
        texts.push_back(param_text(reason, name, writing));
    std::vector<std::string_view> views(texts.begin(), texts.end());
    std::string pattern = in(writing, entry->pattern);
    // format takes an initializer list: up to three places, as the catalogue has.
    switch (views.size()) {
    case 0:
        return i18n::format(pattern, {});
    case 1:
        return i18n::format(pattern, {views[0]});
    case 2:
        return i18n::format(pattern, {views[0], views[1]});
    default:
        return i18n::format(pattern, {views[0], views[1], views[2]});
    }
}

} // namespace

std::span<const ReasonEntry> reason_catalogue() noexcept {
    return catalogue;
}

const ReasonEntry *find_reason(std::string_view code) noexcept {
    for (const auto &entry : catalogue)
        if (entry.code == code)
            return &entry;
    return nullptr;
}

std::string chained_text(const Reason &reason) {
    return written(reason, reason.code, Writing::chained);
}

std::string people_text(const Reason &reason) {
    return written(reason, reason.code, Writing::people);
}

StoredReason stored_columns(const Reason &reason) {
    if (reason.empty())
        return {};
    StoredReason stored{chained_text(reason), std::nullopt, std::nullopt};
    if (!reason.code.empty()) {
        stored.code = reason.code;
        stored.params = params_json(reason);
    }
    return stored;
}

void store_reason(PlayRecord &record, const Reason &reason) {
    auto stored = stored_columns(reason);
    record.error = std::move(stored.error);
    record.reason_code = std::move(stored.code);
    record.reason_params = std::move(stored.params);
}

std::string shown_reason(const PlayRecord &record) {
    if (!record.error)
        return "";
    if (record.reason_code && record.reason_params)
        if (const auto reason = stored_reason(*record.reason_code, *record.reason_params))
            if (find_reason(reason->code) && chained_text(*reason) == *record.error)
                return people_text(*reason);
    return *record.error;
}

} // namespace loa::playlog
