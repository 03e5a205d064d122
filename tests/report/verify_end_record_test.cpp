// `loa verify FILE` on what the chain used to miss: the export's end record (rows
// deleted from either end), line ends a Windows editor changed, the Excel copy, a
// CSV a spreadsheet saved again, old exports without an end record; and the
// report's witness line read back.
#include "../playlog/log_fixture.hpp"
#include "core/error.hpp"
#include "report/chain_witness.hpp"
#include "report/csv_export.hpp"
#include "report/excel_csv_export.hpp"
#include "report/json_export.hpp"
#include "report/verify_export.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

namespace {

using loa::playlog::BreakKind;

struct EndRecordFixture : loa::test::LogFixture {
    std::string chain = loa::station::chain_id(*db);
    EndRecordFixture() {
        play(0);
        play(1);
        log->record_outcome(item(2), six, loa::PlayStatus::failed,
                            "the file is damaged:\nframe 12 of 90");
        play(3);
    }
    loa::report::ChainWitness witness() const {
        loa::report::ChainTally tally;
        for (const auto &row : log->query({}))
            tally.add(row);
        return tally.witness(chain);
    }
    /// As `loa export` writes it: the rows, then the end record.
    std::string csv() const {
        std::ostringstream out;
        loa::report::write_csv(out, log->query({}), chain);
        return out.str() + loa::report::csv_end_record(witness());
    }
    std::string json() const {
        std::ostringstream out;
        loa::report::write_json_lines(out, log->query({}), chain);
        return out.str() + loa::report::json_end_record(witness());
    }
};

loa::report::ExportVerifyResult verify(const std::string &text) {
    return loa::report::verify_export(loa::report::parse_export(text, "export"), "export");
}

/// Removes the line (ending in `end`) that holds `needle`.
std::string without_line(const std::string &text, const std::string &needle,
                         const std::string &end) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    const auto start = text.rfind(end, at);
    const auto stop = text.find(end, at);
    const std::size_t from = start == std::string::npos ? 0 : start + end.size();
    return text.substr(0, from) + text.substr(stop + end.size());
}

/// LF → CRLF where it is not one already, as a Windows editor saves a file.
std::string to_crlf(const std::string &text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            out.push_back('\r');
        out.push_back(text[i]);
    }
    return out;
}

} // namespace

TEST_CASE("an export with its end record verifies and gives its witness") {
    EndRecordFixture f;
    for (const auto &text : {f.csv(), f.json()}) {
        const auto result = verify(text);
        CHECK_FALSE(result.first_break);
        CHECK(result.has_end_record);
        CHECK(result.witness == f.witness());
        CHECK(result.witness.rows == 4);
    }
}

TEST_CASE("deleting the first or the last row of an export is caught by its end record") {
    EndRecordFixture f;
    for (const int seq : {1, 4}) {
        const std::string csv =
            without_line(f.csv(), "," + f.chain + "," + std::to_string(seq) + ",", "\r\n");
        const std::string json =
            without_line(f.json(), ",\"seq\":" + std::to_string(seq) + ",", "\n");
        for (const auto &text : {csv, json}) {
            const auto result = verify(text);
            REQUIRE(result.first_break);
            CHECK(result.first_break->kind == BreakKind::deleted);
            CHECK_THAT(result.first_break->message, Catch::Contains("end record does not match") &&
                                                        Catch::Contains("(4 rows)") &&
                                                        Catch::Contains("(3 rows)"));
        }
    }
}

TEST_CASE("rows after the end record are caught") {
    EndRecordFixture f;
    // The last row moved after the end record: the chain holds, the record does not.
    const std::string json = f.json();
    const auto end = json.rfind('\n', json.size() - 2) + 1;
    const auto row = json.rfind('\n', end - 2) + 1;
    const auto result =
        verify(json.substr(0, row) + json.substr(end) + json.substr(row, end - row));
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::inserted);
    CHECK_THAT(result.first_break->message, Catch::Contains("after the export's end record"));
}

TEST_CASE("an export without an end record still verifies, and says it has none") {
    EndRecordFixture f;
    std::ostringstream out;
    loa::report::write_csv(out, f.log->query({}), f.chain);
    const auto result = verify(out.str());
    CHECK_FALSE(result.first_break);
    CHECK_FALSE(result.has_end_record);
    CHECK(result.rows_checked == 4);
}

TEST_CASE("an export whose line ends a Windows editor changed to CRLF verifies") {
    EndRecordFixture f;
    for (const auto &text : {to_crlf(f.csv()), to_crlf(f.json())}) {
        const bool converted = text.find("damaged:\r\nframe") != std::string::npos ||
                               text.find("\\nframe") != std::string::npos; // JSON escapes it
        REQUIRE(converted);
        const auto result = verify(text);
        CHECK_FALSE(result.first_break);
        if (result.first_break)
            FAIL_CHECK(result.first_break->message);
        CHECK(result.rows_checked == 4);
    }
}

TEST_CASE("the Excel copy is refused as a copy for reading, naming the file to verify") {
    EndRecordFixture f;
    std::ostringstream out;
    {
        loa::report::ExcelCsvWriter writer(out);
        for (const auto &row : f.log->query({}))
            writer.write(row);
    }
    CHECK_THROWS_WITH(
        verify(out.str()),
        Catch::Contains("export:1: this is the copy of the play log made for Excel") &&
            Catch::Contains("without --excel"));
}

TEST_CASE("a CSV a spreadsheet saved again is refused, naming the column it changed") {
    EndRecordFixture f;
    std::string text = f.csv();
    const std::string zeros(64, '0');
    const auto at = text.find("," + zeros + ",");
    REQUIRE(at != std::string::npos);
    text.replace(at, zeros.size() + 2, ",0,"); // what a spreadsheet makes of the genesis prev_hash
    CHECK_THROWS_WITH(verify(text), Catch::Contains("a spreadsheet program changed this file") &&
                                        Catch::Contains("column prev_hash holds \"0\"") &&
                                        Catch::Contains("as loa exported it"));
    // The first ISO time (the first row's scheduled_at), as a spreadsheet shows dates.
    const std::string dates =
        std::regex_replace(f.csv(), std::regex(",[0-9]{4}-[0-9]{2}-[0-9]{2}T[^,]*,"),
                           ",20/07/2020 06:00,", std::regex_constants::format_first_only);
    CHECK_THROWS_WITH(verify(dates),
                      Catch::Contains("spreadsheet program") && Catch::Contains("an ISO time"));
}

TEST_CASE("the report's witness line reads back, also from HTML") {
    EndRecordFixture f;
    const auto witness = f.witness();
    const std::string line = loa::report::witness_line(witness);
    CHECK(line == "log chain " + f.chain + ": seq 1 to 4 (4 rows), head " + witness.head_hash);
    const auto text_back =
        loa::report::find_witness("BÁO CÁO\n...\n" + line + "\n  NGƯỜI LẬP BIỂU\n");
    REQUIRE(text_back);
    CHECK(loa::report::witness_difference(witness, *text_back).empty());
    const auto html_back = loa::report::find_witness("<p class=\"note\">" + line + "</p>\n<div>");
    REQUIRE(html_back);
    CHECK(html_back->last_seq == 4);
    const auto none =
        loa::report::find_witness("log chain " + f.chain + ": no chained rows in this period");
    REQUIRE(none);
    CHECK_FALSE(none->last_seq);
    CHECK_FALSE(loa::report::find_witness("a report from before the witness line"));
    loa::report::ChainWitness fewer = witness;
    fewer.rows = 3;
    fewer.last_seq = 3;
    CHECK_THAT(loa::report::witness_difference(witness, fewer),
               Catch::Contains("seq 1 to 4 (4 rows)") && Catch::Contains("seq 1 to 3 (3 rows)"));
}
