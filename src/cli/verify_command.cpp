// loa verify [FILE] [--report R]: checks the play log's hash chain in the station
// database, or in an exported CSV/JSON file without the database. With --report,
// also checks that the log still holds the stretch of chain a report sent earlier
// names (its witness line: chain id, seq range, head hash): rows deleted from the
// end of the database, or from either end of the export, then show.
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
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
        return _("no chained rows");
    return i18n::format(_("{1} chained row(s), seq {2} to {3}"), std::to_string(rows),
                        std::to_string(first.value_or(1)), std::to_string(*last));
}

/// The witness line of the report at `path` (HTML or text). Throws InputError.
report::ChainWitness read_report_witness(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(
            i18n::format(_("cannot read the report {1}: check the file name"), quote(path)));
    std::ostringstream text;
    text << in.rdbuf();
    auto witness = report::find_witness(text.str());
    if (!witness)
        throw InputError(i18n::format(_("{1}: no 'log chain' line: give the HTML or text report "
                                        "(loa report --format html or text) of a loa that prints "
                                        "one"),
                                      path));
    return std::move(*witness);
}

/// The database against a report's witness: "" when it still holds the report's head.
std::string database_against(sqlite::Database &db, const playlog::VerifyResult &result,
                             const report::ChainWitness &witness) {
    if (!witness.last_seq)
        return {};
    if (witness.chain_id != result.chain_id)
        return i18n::format(_("the report is of chain {1}, this database's is {2}"),
                            witness.chain_id, result.chain_id);
    const auto hash = playlog::chained_row_hash(db, *witness.last_seq);
    if (!hash)
        return i18n::format(_("the report names seq {1} (head {2}) but the database's chain ends "
                              "at seq {3}: the last rows were deleted"),
                            std::to_string(*witness.last_seq), witness.head_hash,
                            std::to_string(result.last_seq.value_or(0)));
    if (*hash != witness.head_hash)
        return i18n::format(
            _("seq {1} has row_hash {2} but the report names {3}: the chain was rewritten"),
            std::to_string(*witness.last_seq), *hash, witness.head_hash);
    return {};
}

int verify_database(Context &context, const std::optional<std::string> &report_path) {
    auto station = open_station(context.home, Access::read);
    const auto witness =
        report_path ? std::optional(read_report_witness(*report_path)) : std::nullopt;
    const auto result = playlog::verify_log(*station.db);
    if (result.first_break) {
        context.err << "loa verify: "
                    << i18n::format(_("{1}: the play log was tampered with ({2}): {3}"),
                                    quote(station.db->path()), to_string(result.first_break->kind),
                                    result.first_break->message)
                    << "\n";
        context.out << i18n::format(_("chain broken after {1} that hold"),
                                    span(result.rows_checked, 1, result.last_seq))
                    << "\n";
        return 1;
    }
    if (witness)
        if (const auto difference = database_against(*station.db, result, *witness);
            !difference.empty()) {
            context.err << "loa verify: "
                        << i18n::format(_("{1}: does not hold what {2} reported: {3}"),
                                        quote(station.db->path()), *report_path, difference)
                        << "\n";
            return 1;
        }
    if (result.begins_after_damaged)
        context.out << i18n::format(
                           _("this chain begins after a damaged database: {1} (chain {2}, "
                             "its last row {3})"),
                           *result.begins_after_damaged,
                           result.previous_chain_id.empty() ? "?" : result.previous_chain_id,
                           result.previous_chain_head.empty() ? "?" : result.previous_chain_head)
                    << "\n";
    const auto rows = span(result.rows_checked, 1, result.last_seq);
    context.out << (witness ? i18n::format(_("play log intact: {1}, and it holds the chain {2} "
                                             "reported"),
                                           rows, *report_path)
                            : i18n::format(_("play log intact: {1}"), rows))
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
                    << (result.line ? ":" + std::to_string(result.line) : "") << ": "
                    << i18n::format(_("the export was tampered with ({1}): {2}"),
                                    to_string(result.first_break->kind),
                                    result.first_break->message)
                    << "\n";
        return 1;
    }
    if (witness)
        if (const auto difference = report::witness_difference(*witness, result.witness);
            !difference.empty()) {
            context.err << "loa verify: "
                        << i18n::format(_("{1}: does not cover what {2} reported: {3} (rows were "
                                          "deleted, or the export is not of the report's period)"),
                                        file, *report_path, difference)
                        << "\n";
            return 1;
        }
    const auto rows = span(result.rows_checked, result.first_seq, result.last_seq);
    if (witness)
        context.out << i18n::format(_("{1}: intact: {2}, the same rows {3} reported"), file, rows,
                                    *report_path);
    else if (!result.has_end_record)
        context.out << i18n::format(
            _("{1}: intact: {2}; it carries no count or final hash (an export made before loa "
              "wrote them), so rows deleted from its start or end cannot be seen: check it "
              "against the report with --report R, or export it again"),
            file, rows);
    else
        context.out << i18n::format(_("{1}: intact: {2}"), file, rows);
    context.out << "\n";
    return 0;
}

} // namespace

int run_verify(Context &context, const Arguments &args) {
    if (args.positionals().size() > 1)
        throw UsageError(
            _("verify takes at most one file (an export); without it, the station's database"));

    const auto report_path = args.option("--report");
    return args.positionals().empty() ? verify_database(context, report_path)
                                      : verify_file(context, args.positionals()[0], report_path);
}

} // namespace loa::cli
