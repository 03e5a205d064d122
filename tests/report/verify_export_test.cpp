// `loa verify FILE`: real exports of a real log, each kind of tampering made on
// the exported text.
#include "../playlog/log_fixture.hpp"
#include "report/csv_export.hpp"
#include "report/json_export.hpp"
#include "report/verify_export.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

using loa::playlog::BreakKind;

struct ExportFixture : loa::test::LogFixture {
    std::string chain = loa::station::chain_id(*db);
    ExportFixture() {
        play(0);
        play(1);
        log->record_outcome(item(2, "campuchia-mo-cua"), six, loa::PlayStatus::missed,
                            "late, 20 min \"mất điện\"");
        play(3);
        log->begin(item(4), six, six + std::chrono::minutes(4)); // still playing
    }
    std::string csv() const {
        std::ostringstream out;
        loa::report::write_csv(out, log->query({}), chain);
        return out.str();
    }
    std::string json() const {
        std::ostringstream out;
        loa::report::write_json_lines(out, log->query({}), chain);
        return out.str();
    }
};

loa::report::ExportVerifyResult verify(const std::string &text) {
    return loa::report::verify_export(loa::report::parse_export(text, "export"), "export");
}

std::vector<std::string> split_lines(const std::string &text, const std::string &end) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto at = text.find(end); at != std::string::npos; at = text.find(end, start)) {
        lines.push_back(text.substr(start, at - start));
        start = at + end.size();
    }
    return lines;
}

std::string join_lines(const std::vector<std::string> &lines, const std::string &end) {
    std::string text;
    for (const auto &line : lines)
        text += line + end;
    return text;
}

/// The index of the CSV line of chain row `seq`.
std::size_t csv_line_of(const std::vector<std::string> &lines, const std::string &chain, int seq) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find("," + chain + "," + std::to_string(seq) + ",") != std::string::npos)
            return i;
    FAIL("no line for seq " << seq);
    return 0;
}

/// The index of the JSON line of chain row `seq`.
std::size_t json_line_of(const std::vector<std::string> &lines, int seq) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find(",\"seq\":" + std::to_string(seq) + ",") != std::string::npos)
            return i;
    FAIL("no line for seq " << seq);
    return 0;
}

void replace_once(std::string &text, const std::string &from, const std::string &to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("CSV and JSON exports of an untouched log verify") {
    ExportFixture f;
    for (const auto &text : {f.csv(), f.json()}) {
        const auto result = verify(text);
        CHECK_FALSE(result.first_break);
        CHECK(result.rows_checked == 4);
        CHECK(result.first_seq == 1);
        CHECK(result.last_seq == 4);
    }
}

TEST_CASE("an export of a period starts mid-chain and verifies") {
    ExportFixture f;
    auto lines = split_lines(f.csv(), "\r\n");
    lines.erase(lines.begin() + static_cast<long>(csv_line_of(lines, f.chain, 2)));
    lines.erase(lines.begin() + static_cast<long>(csv_line_of(lines, f.chain, 1)));
    const auto result = verify(join_lines(lines, "\r\n"));
    CHECK_FALSE(result.first_break);
    CHECK(result.first_seq == 3);
}

TEST_CASE("lines in another order are the same log") {
    ExportFixture f;
    auto lines = split_lines(f.csv(), "\r\n");
    std::swap(lines[1], lines[4]);
    CHECK_FALSE(verify(join_lines(lines, "\r\n")).first_break);
}

TEST_CASE("a visible field edited in a CSV export is caught, with line, seq and field") {
    ExportFixture f;
    std::string text = f.csv();
    replace_once(text, ",missed,", ",completed,");
    const auto result = verify(text);
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::edited);
    CHECK(result.first_break->seq == 3);
    CHECK(result.line == 2);
    CHECK_THAT(result.first_break->message,
               Catch::Contains("field status is \"completed\" but was chained as \"missed\""));
}

TEST_CASE("an edited quoted Vietnamese field is caught") {
    ExportFixture f;
    std::string text = f.csv();
    replace_once(text, "mất điện", "mất nước");
    const auto result = verify(text);
    REQUIRE(result.first_break);
    CHECK_THAT(result.first_break->message, Catch::Contains("field error"));
}

TEST_CASE("an edited canonical text is caught by its hash") {
    ExportFixture f;
    std::string text = f.json();
    replace_once(text, "\\\"duration_ms\\\":41997", "\\\"duration_ms\\\":41998");
    const auto result = verify(text);
    REQUIRE(result.first_break);
    CHECK(result.first_break->seq == 1);
    CHECK_THAT(result.first_break->message, Catch::Contains("row_hash does not match"));
}

TEST_CASE("a visible field edited in a JSON export is caught") {
    ExportFixture f;
    std::string text = f.json();
    replace_once(text, "\"announcement\":\"campuchia-mo-cua\"", "\"announcement\":\"lua-dao\"");
    const auto result = verify(text);
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::edited);
    CHECK(result.first_break->seq == 3);
    CHECK(result.line == 1);
}

TEST_CASE("a deleted line is caught") {
    ExportFixture f;
    auto lines = split_lines(f.csv(), "\r\n");
    lines.erase(lines.begin() + static_cast<long>(csv_line_of(lines, f.chain, 2)));
    const auto result = verify(join_lines(lines, "\r\n"));
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::deleted);
    CHECK(result.first_break->seq == 3);
}

TEST_CASE("a duplicated line is caught") {
    ExportFixture f;
    auto lines = split_lines(f.json(), "\n");
    const auto copied = lines[json_line_of(lines, 2)];
    lines.insert(lines.begin() + 1, copied);
    const auto result = verify(join_lines(lines, "\n"));
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::reordered);
    CHECK(result.first_break->seq == 2);
}

TEST_CASE("swapped seq numbers are caught as reordered") {
    ExportFixture f;
    auto lines = split_lines(f.csv(), "\r\n");
    // seq is the third field from the end of the chain columns: edit the visible seq of two rows.
    const auto first = csv_line_of(lines, f.chain, 1), second = csv_line_of(lines, f.chain, 2);
    replace_once(lines[first], "," + f.chain + ",1,", "," + f.chain + ",2,");
    replace_once(lines[second], "," + f.chain + ",2,", "," + f.chain + ",1,");
    const auto result = verify(join_lines(lines, "\r\n"));
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::reordered);
    CHECK(result.first_break->seq == 1);
}

TEST_CASE("an inserted final row without a chain is caught") {
    ExportFixture f;
    auto lines = split_lines(f.csv(), "\r\n");
    lines.push_back("99,KG-01,chieu,,,,,lua-dao,,completed,,,normal,scheduled,,,,,,,,");
    const auto result = verify(join_lines(lines, "\r\n"));
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::inserted);
    CHECK(result.first_break->play_id == 99);
    CHECK(result.line == 7);
}

TEST_CASE("a file that is not an export is refused with its line") {
    CHECK_THROWS_WITH(loa::report::parse_export("a,b\r\n1,2\r\n", "x.csv"),
                      Catch::Contains("x.csv:1"));
    CHECK_THROWS_WITH(loa::report::parse_export("{\"a\":1}\n{oops\n", "x.json"),
                      Catch::Contains("x.json:2"));
}

TEST_CASE("an export's reason code verifies while it says what the chained error says") {
    loa::test::LogFixture f;
    const std::string chain = loa::station::chain_id(*f.db);
    f.log->record_outcome(f.item(0), f.six, loa::PlayStatus::skipped,
                          loa::playlog::Reason("skipped.quiet_hours", {}));
    f.log->record_outcome(f.item(1), f.six, loa::PlayStatus::missed, "mất điện"); // no code
    std::ostringstream out;
    loa::report::write_csv(out, f.log->query({}), chain);
    const std::string csv = out.str();
    REQUIRE(csv.find(",skipped.quiet_hours,{},") != std::string::npos);
    const auto clean = verify(csv);
    CHECK_FALSE(clean.first_break);
    CHECK(clean.rows_checked == 2);
    // The code changed, the hashed English left as it was: caught.
    std::string edited = csv;
    edited.replace(edited.find(",skipped.quiet_hours,"), 21, ",interrupted.crash,");
    const auto result = verify(edited);
    REQUIRE(result.first_break);
    CHECK(result.first_break->kind == BreakKind::edited);
    CHECK_THAT(result.first_break->message, Catch::Contains("reason_code"));
}
