// loa verify [FILE]: checks the play log's hash chain in the station database, or
// in an exported CSV/JSON file without the database.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "playlog/verify_log.hpp"
#include "report/verify_export.hpp"

#include <ostream>

namespace loa::cli {
namespace {

std::string span(std::int64_t rows, std::optional<std::int64_t> first, std::optional<std::int64_t> last) {
    if (rows == 0 || !last)
        return "no chained rows";
    return std::to_string(rows) + " chained row(s), seq " + std::to_string(first.value_or(1)) + " to " +
           std::to_string(*last);
}

int verify_database(Context &context) {
    auto station = open_station(context.home, Access::read);
    const auto result = playlog::verify_log(*station.db);
    if (result.first_break) {
        context.err << "loa verify: " << quote(station.db->path()) << ": the play log was tampered with ("
                    << to_string(result.first_break->kind) << "): " << result.first_break->message << "\n";
        context.out << "chain broken after " << span(result.rows_checked, 1, result.last_seq) << " that hold\n";
        return 1;
    }
    context.out << "play log intact: " << span(result.rows_checked, 1, result.last_seq) << "\n";
    return 0;
}

int verify_file(Context &context, const std::string &file) {
    const auto result = report::verify_export(report::read_export(file));
    if (result.first_break) {
        context.err << "loa verify: " << file << (result.line ? ":" + std::to_string(result.line) : "")
                    << ": the export was tampered with (" << to_string(result.first_break->kind)
                    << "): " << result.first_break->message << "\n";
        return 1;
    }
    context.out << file << ": intact: " << span(result.rows_checked, result.first_seq, result.last_seq) << "\n";
    return 0;
}

} // namespace

int run_verify(Context &context, const Arguments &args) {
    if (args.positionals().size() > 1)
        throw UsageError("verify takes at most one file (an export); without it, the station's database");
    return args.positionals().empty() ? verify_database(context) : verify_file(context, args.positionals()[0]);
}

} // namespace loa::cli
