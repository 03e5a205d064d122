// loa verify [FILE] [--report R]: checks the play log's hash chain in the station
// database, or in an exported CSV/JSON file without the database. With --report,
// also checks that the log still holds the stretch of chain a report sent earlier
// names (its witness line: chain id, seq range, head hash): rows deleted from the
// end of the database, or from either end of the export, then show.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "playlog/verify_log.hpp"
#include "report/chain_witness.hpp"
#include "report/verify_export.hpp"

#include <fstream>
#include <ostream>
#include <sstream>

namespace loa::cli {
namespace {

std::string span(std::int64_t rows, std::optional<std::int64_t> first,
                 std::optional<std::int64_t> last) {
    if (rows == 0 || !last)
        return "no chained rows";
    return std::to_string(rows) + " chained row(s), seq " + std::to_string(first.value_or(1)) +
           " to " + std::to_string(*last);
}

/// The witness line of the report at `path` (HTML or text). Throws InputError.
report::ChainWitness read_report_witness(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError("cannot read the report " + quote(path) + ": check the file name");
    std::ostringstream text;
    text << in.rdbuf();
    auto witness = report::find_witness(text.str());
    if (!witness)
        throw InputError(
            path + ": no 'log chain' line: give the HTML or text report (loa report --format html "
                   "or text) of a loa that prints one");
    return std::move(*witness);
}

/// The database against a report's witness: "" when it still holds the report's head.
std::string database_against(sqlite::Database &db, const playlog::VerifyResult &result,
                             const report::ChainWitness &witness) {
    if (!witness.last_seq)
        return {};
    if (witness.chain_id != result.chain_id)
        return "the report is of chain " + witness.chain_id + ", this database's is " +
               result.chain_id;
    const auto hash = playlog::chained_row_hash(db, *witness.last_seq);
    if (!hash)
        return "the report names seq " + std::to_string(*witness.last_seq) + " (head " +
               witness.head_hash + ") but the database's chain ends at seq " +
               std::to_string(result.last_seq.value_or(0)) + ": the last rows were deleted";
    if (*hash != witness.head_hash)
        return "seq " + std::to_string(*witness.last_seq) + " has row_hash " + *hash +
               " but the report names " + witness.head_hash + ": the chain was rewritten";
    return {};
}

int verify_database(Context &context, const std::optional<std::string> &report_path) {
    auto station = open_station(context.home, Access::read);
    const auto witness =
        report_path ? std::optional(read_report_witness(*report_path)) : std::nullopt;
    const auto result = playlog::verify_log(*station.db);
    if (result.first_break) {
        context.err << "loa verify: " << quote(station.db->path())
                    << ": the play log was tampered with (" << to_string(result.first_break->kind)
                    << "): " << result.first_break->message << "\n";
        context.out << "chain broken after " << span(result.rows_checked, 1, result.last_seq)
                    << " that hold\n";
        return 1;
    }
    if (witness)
        if (const auto difference = database_against(*station.db, result, *witness);
            !difference.empty()) {
            context.err << "loa verify: " << quote(station.db->path()) << ": does not hold what "
                        << *report_path << " reported: " << difference << "\n";
            return 1;
        }
    context.out << "play log intact: " << span(result.rows_checked, 1, result.last_seq)
                << (witness ? ", and it holds the chain " + *report_path + " reported" : "")
                << "\n";
    return 0;
}

int verify_file(Context &context, const std::string &file,
                const std::optional<std::string> &report_path) {
    const auto witness =
        report_path ? std::optional(read_report_witness(*report_path)) : std::nullopt;
    const auto result = report::verify_export(report::read_export(file), file);
    if (result.first_break) {
        context.err << "loa verify: " << file
                    << (result.line ? ":" + std::to_string(result.line) : "")
                    << ": the export was tampered with (" << to_string(result.first_break->kind)
                    << "): " << result.first_break->message << "\n";
        return 1;
    }
    if (witness)
        if (const auto difference = report::witness_difference(*witness, result.witness);
            !difference.empty()) {
            context.err << "loa verify: " << file << ": does not cover what " << *report_path
                        << " reported: " << difference
                        << " (rows were deleted, or the export is not of the report's period)\n";
            return 1;
        }
    context.out << file
                << ": intact: " << span(result.rows_checked, result.first_seq, result.last_seq);
    if (witness)
        context.out << ", the same rows " << *report_path << " reported";
    else if (!result.has_end_record)
        context.out
            << "; it carries no count or final hash (an export made before loa wrote them), so "
               "rows "
               "deleted from its start or end cannot be seen: check it against the report with "
               "--report R, or export it again";
    context.out << "\n";
    return 0;
}

} // namespace

int run_verify(Context &context, const Arguments &args) {
    if (args.positionals().size() > 1)
        throw UsageError(
            "verify takes at most one file (an export); without it, the station's database");
    const auto report_path = args.option("--report");
    return args.positionals().empty() ? verify_database(context, report_path)
                                      : verify_file(context, args.positionals()[0], report_path);
}

} // namespace loa::cli
