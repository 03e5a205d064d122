// loa import, loa list, loa show: the announcement library.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "library/library.hpp"

#include <ostream>

namespace loa::cli {
namespace {

std::string to_json(const library::Announcement &a) {
    const auto text = [](const std::optional<std::string> &value) {
        return value ? json::quoted(*value) : std::string("null");
    };
    const auto number = [](const std::optional<double> &value) {
        return value ? std::to_string(*value) : std::string("null");
    };
    return "{\"id\":" + json::quoted(a.id) + ",\"title\":" + json::quoted(a.title) +
           ",\"category\":" + text(a.category) + ",\"campaign\":" + text(a.campaign) +
           ",\"reference\":" + text(a.reference) + ",\"sha256\":" + json::quoted(a.sha256) +
           ",\"original_name\":" + json::quoted(a.original_name) + ",\"format\":" + json::quoted(a.format) +
           ",\"sample_rate\":" + std::to_string(a.sample_rate) + ",\"channels\":" + std::to_string(a.channels) +
           ",\"frames\":" + std::to_string(a.frames) + ",\"duration_ms\":" + std::to_string(a.duration_ms) +
           ",\"loudness_lufs\":" + number(a.loudness_lufs) + ",\"true_peak_dbtp\":" + number(a.true_peak_dbtp) +
           ",\"imported_at\":" + json::quoted(a.imported_at) + "}";
}

std::string seconds_text(std::int64_t ms) {
    return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
}

} // namespace

int run_import(Context &context, const std::vector<std::string> &words) {
    const Arguments args("import", words, {"--id", "--title", "--campaign", "--category", "--ref"}, {});
    if (args.positionals().empty())
        throw UsageError("loa import: give one or more audio files");
    if (args.positionals().size() > 1 && args.option("--id"))
        throw UsageError("loa import: --id names one file; import the files one at a time to give each an id");
    auto station = open_station(context.home);
    library::Library library(*station.db, context.home.library_path());
    int refused = 0;
    for (const auto &file : args.positionals()) {
        try {
            const auto now = std::chrono::system_clock::now();
            const auto result = library.import({file, args.option("--id"), args.option("--title"),
                                                args.option("--campaign"), args.option("--category"),
                                                args.option("--ref")},
                                               station.zone.format_iso(now));
            const auto &a = result.announcement;
            context.out << a.id << "\t" << seconds_text(a.duration_ms) << "\t" << a.sample_rate << " Hz\t"
                        << a.channels << " ch\t" << a.format
                        << (result.outcome == library::ImportOutcome::already_present ? "\t(already in the library)"
                                                                                      : "")
                        << "\n";
        } catch (const InputError &error) {
            ++refused;
            context.err << "loa: " << error.what() << "\n";
        }
    }
    return refused > 0 ? 1 : 0;
}

int run_list(Context &context, const std::vector<std::string> &words) {
    const Arguments args("list", words, {}, {"--json"});
    args.expect_positionals(0, "no arguments");
    auto station = open_station(context.home);
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
        context.out << "the library is empty; add recordings with 'loa import FILE'\n";
    return 0;
}

int run_show(Context &context, const std::vector<std::string> &words) {
    const Arguments args("show", words, {}, {"--json"});
    args.expect_positionals(1, "one announcement id");
    auto station = open_station(context.home);
    const library::Library library(*station.db, context.home.library_path());
    const auto &id = args.positionals().front();
    const auto a = library.find(id);
    if (!a)
        throw InputError("no announcement '" + id + "' in the library; 'loa list' shows the ids");
    if (args.flag("--json")) {
        context.out << to_json(*a) << "\n";
        return 0;
    }
    context.out << "id:          " << a->id << "\n"
                << "title:       " << a->title << "\n"
                << "campaign:    " << a->campaign.value_or("-") << "\n"
                << "category:    " << a->category.value_or("-") << "\n"
                << "reference:   " << a->reference.value_or("-") << "\n"
                << "duration:    " << seconds_text(a->duration_ms) << "\n"
                << "format:      " << a->format << ", " << a->sample_rate << " Hz, " << a->channels << " ch\n"
                << "sha256:      " << a->sha256 << "\n"
                << "imported:    " << a->imported_at << " from " << a->original_name << "\n"
                << "stored as:   " << library.content_path(*a).string() << "\n";
    return 0;
}

} // namespace loa::cli
