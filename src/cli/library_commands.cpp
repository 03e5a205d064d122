// loa import, list, show, remove and campaign: the announcement library.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/import_line.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "library/campaign_store.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "schedule/schedule.hpp"
#include "station/schedule_store.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>

namespace loa::cli {
namespace {

/// The library of `station` that sweeps: the play log says which content past plays
/// played, so their files are kept. `log` lives as long as the library.
library::Library sweeping_library(OpenStation &station, const playlog::PlayLog &log,
                                  const station::Home &home) {
    return library::Library(*station.db, home.library_path(),
                            [&log] { return log.played_content(); });
}

std::string text_json(const std::optional<std::string> &value) {
    return value ? json::quoted(*value) : std::string("null");
}

std::string number_json(const std::optional<double> &value) {
    if (!value)
        return "null";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", *value);
    return text;
}

std::string to_json(const library::Announcement &a) {
    return "{\"id\":" + json::quoted(a.id) + ",\"title\":" + json::quoted(a.title) +
           ",\"category\":" + text_json(a.category) + ",\"campaign\":" + text_json(a.campaign) +
           ",\"reference\":" + text_json(a.reference) +
           ",\"valid_from\":" + text_json(a.valid_from) +
           ",\"valid_until\":" + text_json(a.valid_until) +
           ",\"sha256\":" + json::quoted(a.sha256) +
           ",\"original_name\":" + json::quoted(a.original_name) +
           ",\"format\":" + json::quoted(a.format) +
           ",\"sample_rate\":" + std::to_string(a.sample_rate) +
           ",\"channels\":" + std::to_string(a.channels) +
           ",\"frames\":" + std::to_string(a.frames) +
           ",\"duration_ms\":" + std::to_string(a.duration_ms) +
           ",\"loudness_lufs\":" + number_json(a.loudness_lufs) +
           ",\"true_peak_dbtp\":" + number_json(a.true_peak_dbtp) +
           ",\"sample_peak_dbfs\":" + number_json(a.sample_peak_dbfs) +
           ",\"leading_silence_ms\":" + std::to_string(a.leading_silence_ms) +
           ",\"trailing_silence_ms\":" + std::to_string(a.trailing_silence_ms) +
           ",\"silent\":" + (a.silent ? "true" : "false") +
           ",\"imported_at\":" + json::quoted(a.imported_at) +
           ",\"spoken_text\":" + text_json(a.spoken_text) + "}";
}

std::string level_text(const std::optional<double> &value, const char *unit) {
    return value ? number_json(value) + " " + unit : std::string(_("- (silence)"));
}

std::string campaign_json(const library::Campaign &c) {
    return "{\"id\":" + json::quoted(c.id) + ",\"title\":" + json::quoted(c.title) +
           ",\"reference\":" + text_json(c.reference) + ",\"from\":" + text_json(c.valid_from) +
           ",\"until\":" + text_json(c.valid_until) +
           ",\"created_at\":" + json::quoted(c.created_at) + "}";
}

/// The slots of the active schedule whose `play` list names `id`.
std::vector<std::string> slots_playing(sqlite::Database &db, const std::string &id) {
    const auto active = station::ScheduleStore(db).active();
    if (!active)
        return {};
    const auto parsed = schedule::parse(active->content, active->file_name);
    std::vector<std::string> slots;
    if (!parsed.schedule)
        return slots;
    for (const auto &slot : parsed.schedule->slots)
        if (std::find(slot.play.begin(), slot.play.end(), id) != slot.play.end())
            slots.push_back(slot.id);
    return slots;
}

std::string seconds_text(std::int64_t ms) {

    return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
}

} // namespace

std::string import_line(const library::ImportResult &result) {
    const auto &a = result.announcement;
    return a.id + "\t" + seconds_text(a.duration_ms) + "\t" + std::to_string(a.sample_rate) +
           " Hz\t" + std::to_string(a.channels) + " ch\t" + a.format + "\t" +
           level_text(a.loudness_lufs, "LUFS") +
           (result.outcome == library::ImportOutcome::already_present
                ? std::string("\t") + _("(already in the library)")
            : result.outcome == library::ImportOutcome::replaced
                ? std::string("\t") + _("(replaced)")
                : std::string());
}

int run_import(Context &context, const Arguments &args) {
    if (args.positionals().size() > 1 && args.option("--id"))
        throw UsageError(_(
            "loa import: --id names one file; import the files one at a time to give each an id"));
    auto station = open_station(context.home, Access::write_after_check);
    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    library::Library library = sweeping_library(station, log, context.home);
    int refused = 0;
    for (const auto &file : args.positionals()) {
        try {
            library::ImportRequest request{file,
                                           args.option("--id"),
                                           args.option("--title"),
                                           args.option("--campaign"),
                                           args.option("--category"),
                                           args.option("--ref"),
                                           args.option("--valid-from"),
                                           args.option("--valid-until")};
            request.existing =
                args.flag("--replace") ? library::ExistingId::replace : library::ExistingId::refuse;
            request.limit = args.flag("--force") ? library::LengthLimit::none
                                                 : library::LengthLimit::three_hours;
            const auto now = std::chrono::system_clock::now();
            const auto result = library.import(request, station.zone.format_iso(now));
            const auto &a = result.announcement;
            context.out << import_line(result) << "\n";
            if (a.silent)
                context.err << "loa: "
                            << i18n::format(_("warning: {1} is silent from start to end (nothing "
                                              "above -60 dBFS); imported as '{2}', but check it "
                                              "is the right recording"),
                                            quote(file), a.id)
                            << "\n";
        } catch (const InputError &error) {
            ++refused;
            context.err << "loa: " << error.what() << "\n";
        }
    }
    return refused > 0 ? 1 : 0;
}

int run_list(Context &context, const Arguments &args) {
    auto station = open_station(context.home, Access::read);
    const library::Library library(*station.db, context.home.library_path());
    const auto all = library.list();
    if (args.flag("--json")) {
        context.out << "[";
        for (std::size_t i = 0; i < all.size(); ++i)
            context.out << (i ? "," : "") << to_json(all[i]);
        context.out << "]\n";
        return 0;
    }
    for (const auto &a : all)
        context.out << a.id << "\t" << seconds_text(a.duration_ms) << "\t" << a.title << "\n";
    if (all.empty())
        context.out << _("the library is empty; add recordings with 'loa import FILE'") << "\n";
    return 0;
}

int run_show(Context &context, const Arguments &args) {
    auto station = open_station(context.home, Access::read);
    const library::Library library(*station.db, context.home.library_path());
    const auto &id = args.positionals().front();
    const auto a = library.find(id);
    if (!a)
        throw InputError(no_such_announcement(id));
    if (args.flag("--json")) {
        context.out << to_json(*a) << "\n";
        return 0;
    }
    context.out << i18n::format(
                       _("id:          {1}\n"
                         "title:       {2}\n"
                         "campaign:    {3}\n"
                         "category:    {4}\n"
                         "reference:   {5}\n"
                         "valid:       {6} to {7}\n"
                         "duration:    {8} ({9} frames)\n"
                         "loudness:    {10}, true peak {11}, sample peak {12}\n"
                         "silence:     {13} at the start, {14} at the end{15}\n"
                         "format:      {16}, {17} Hz, {18} ch\n"
                         "sha256:      {19}\n"
                         "imported:    {20} from {21}\n"
                         "stored as:   {22}"),
                       a->id, a->title, a->campaign.value_or("-"), a->category.value_or("-"),
                       a->reference.value_or("-"), a->valid_from.value_or("-"),
                       a->valid_until.value_or("-"), seconds_text(a->duration_ms),
                       std::to_string(a->frames), level_text(a->loudness_lufs, "LUFS"),
                       level_text(a->true_peak_dbtp, "dBTP"),
                       level_text(a->sample_peak_dbfs, "dBFS"), seconds_text(a->leading_silence_ms),
                       seconds_text(a->trailing_silence_ms),
                       a->silent ? std::string(_(" (all silent)")) : std::string(), a->format,
                       std::to_string(a->sample_rate), std::to_string(a->channels), a->sha256,
                       a->imported_at, a->original_name, library.content_path(*a).string())
                << "\n";
    if (a->spoken_text)
        context.out << i18n::format(_("text:        {1}"), *a->spoken_text) << "\n";
    return 0;
}

int run_remove(Context &context, const Arguments &args) {
    auto station = open_station(context.home, Access::write_after_check);
    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    library::Library library = sweeping_library(station, log, context.home);
    const auto &id = args.positionals().front();
    if (!library.find(id))
        throw InputError(no_such_announcement(id));
    const auto slots = slots_playing(*station.db, id);
    if (!slots.empty()) {
        std::string names;
        for (const auto &slot : slots)
            names += (names.empty() ? "" : ", ") + slot;
        throw InputError(i18n::format(
            slots.size() > 1 ? _("'{1}' is played by the active schedule (slots {2}); load a "
                                 "schedule without it first, then remove it")
                             : _("'{1}' is played by the active schedule (slot {2}); load a "
                                 "schedule without it first, then remove it"),
            id, names));
    }
    library.remove(id);
    if (args.flag("--json"))
        context.out << "{\"removed\":" << json::quoted(id) << "}\n";
    else
        context.out << i18n::format(_("removed {1}"), id) << "\n";
    return 0;
}

int run_campaign_add(Context &context, const Arguments &args) {
    auto station = open_station(context.home, Access::write_after_check);
    library::CampaignStore campaigns(*station.db);
    library::Campaign campaign{
        args.positionals().front(), args.required("--title"),
        args.option("--ref"),       args.option("--from"),
        args.option("--until"),     station.zone.format_iso(std::chrono::system_clock::now())};
    campaigns.add(campaign);
    context.out << campaign.id << "\n";
    return 0;
}

int run_campaign_list(Context &context, const Arguments &args) {
    auto station = open_station(context.home, Access::read);
    const auto all = library::CampaignStore(*station.db).list();
    if (args.flag("--json")) {
        context.out << "[";
        for (std::size_t i = 0; i < all.size(); ++i)
            context.out << (i ? "," : "") << campaign_json(all[i]);
        context.out << "]\n";
        return 0;
    }
    for (const auto &c : all)
        context.out << c.id << "\t" << c.valid_from.value_or("-") << " to "
                    << c.valid_until.value_or("-") << "\t" << c.reference.value_or("-") << "\t"
                    << c.title << "\n";
    if (all.empty())
        context.out << _("no campaigns yet; add one with 'loa campaign add ID --title T'") << "\n";
    return 0;
}

} // namespace loa::cli
