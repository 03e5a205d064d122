// Reasons as data: codes and parameters round-trip through the database, the row's
// chained `error` keeps the English text loa always wrote (canonical bytes unchanged),
// rows from before codes show their text as it is, and Vietnamese has every reason.
#include "log_fixture.hpp"
#include "playlog/chain.hpp"
#include "playlog/verify_log.hpp"
#include "playlog/reason_text.hpp"
#include "vietnamese_reasons.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <thread>

using loa::playlog::Reason;
using namespace std::chrono_literals;

using loa::test::every_reason;

TEST_CASE("a reason's chained text is the English loa wrote before codes, byte for byte") {
    const Reason late("missed.late_limit",
                      {{"cause", "gap.busy"}, {"late_s", "1800"}, {"allowed_s", "600"}});
    CHECK(loa::playlog::chained_text(late) ==
          "the player was busy with earlier plays (30 min late; the slot allows 10 min)");
    const Reason jump(
        "missed.late_not_allowed",
        {{"cause", "gap.clock_forward"}, {"from", "A"}, {"to", "B"}, {"late_s", "45"}});
    CHECK(loa::playlog::chained_text(jump) ==
          "the system clock jumped forward from A to B (or the computer was suspended) (45 s "
          "late; the slot does not allow late plays)");
    CHECK(loa::playlog::chained_text(Reason("interrupted.emergency_slot", {})) ==
          "interrupted by an emergency play; it continues after it as its slot's on_interrupt "
          "says");
    CHECK(loa::playlog::chained_text(Reason("failed.silent_output", {{"peak_dbfs", ""}}))
              .find("would reach nothing;") != std::string::npos);
    CHECK(loa::playlog::chained_text(Reason("decoder said no")) == "decoder said no");
}

TEST_CASE("reason codes and parameters round-trip through the database") {
    loa::test::LogFixture f;
    const auto reasons = every_reason();
    for (std::size_t i = 0; i < reasons.size(); ++i)
        f.log->record_outcome(f.item(static_cast<std::int64_t>(i)), f.six, loa::PlayStatus::missed,
                              reasons[i]);
    const auto rows = f.log->query({});
    REQUIRE(rows.size() == reasons.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto &row = rows[i];
        CAPTURE(reasons[i].code);
        REQUIRE(row.reason_code);
        REQUIRE(row.reason_params);
        const auto back = loa::playlog::stored_reason(*row.reason_code, *row.reason_params);
        REQUIRE(back);
        CHECK(back->code == reasons[i].code);
        CHECK(back->params == reasons[i].params);
        CHECK(row.error == loa::playlog::chained_text(reasons[i]));
        CHECK(loa::playlog::shown_reason(row) == loa::playlog::people_text(reasons[i]));
    }
    CHECK_FALSE(loa::playlog::verify_log(*f.db).first_break);
}

TEST_CASE("the reason's code stays out of the canonical text: its bytes do not change") {
    loa::test::LogFixture f;
    const std::string chain_id = loa::station::chain_id(*f.db);
    const auto id = f.log->begin(f.item(0), f.six, f.six).play_id;
    loa::playlog::PlayEnd end{loa::PlayStatus::interrupted, f.six + 4ms, f.six + 9s, {}, 0};
    const auto stored = loa::playlog::stored_columns(Reason("interrupted.emergency", {}));
    end.error = stored.error;
    end.reason_code = stored.code;
    end.reason_params = stored.params;
    f.log->finish(id, end);
    auto row = f.log->query({}).at(0);
    CHECK(row.reason_code == "interrupted.emergency");
    CHECK(row.reason_params == "{}");
    REQUIRE(row.canonical);
    CHECK(row.canonical->find("reason") == std::string::npos);
    CHECK(row.canonical->find("\"error\":\"interrupted by an emergency play; it continues after "
                              "it\"") != std::string::npos);
    // The row without its code encodes to the same bytes: the code is not hashed.
    row.reason_code.reset();
    row.reason_params.reset();
    CHECK(loa::playlog::canonical_encoding(row, chain_id, 1) == *row.canonical);
    CHECK_FALSE(loa::playlog::verify_log(*f.db).first_break);
}

TEST_CASE("rows from before reason codes, and rows whose code was changed, show their text") {
    loa::playlog::PlayRecord old;
    old.error = "mất điện lúc 6 giờ";
    CHECK(loa::playlog::shown_reason(old) == "mất điện lúc 6 giờ");
    loa::playlog::PlayRecord edited;
    loa::playlog::store_reason(edited, Reason("gap.busy", {}));
    edited.reason_code = "interrupted.crash"; // not what the chained text says
    CHECK(loa::playlog::shown_reason(edited) == "the player was busy with earlier plays");
    edited.reason_code = "no.such.code";
    CHECK(loa::playlog::shown_reason(edited) == "the player was busy with earlier plays");
    loa::playlog::PlayRecord none;
    CHECK(loa::playlog::shown_reason(none).empty());
}

TEST_CASE("every reason reads in Vietnamese, with dd/MM/yyyy dates and no English word") {
    const loa::test::Vietnamese vietnamese;
    for (const auto &reason : every_reason()) {
        const auto text = loa::playlog::people_text(reason);
        CAPTURE(reason.code, text);
        CHECK(text != loa::playlog::chained_text(reason));
        CHECK(loa::test::english_word_in(text).empty());
        CHECK(text.find("2020-07-20") == std::string::npos);
    }
    const Reason late("missed.late_limit", {{"cause", "gap.clock_forward"},
                                            {"from", "2020-07-20T05:50:00.000+07:00"},
                                            {"to", "2020-07-20T06:40:00.000+07:00"},
                                            {"late_s", "1800"},
                                            {"allowed_s", "600"}});
    CHECK(loa::playlog::people_text(late) ==
          "đồng hồ máy nhảy tới từ 20/07/2020 05:50:00 đến 20/07/2020 06:40:00 (hoặc máy tính đã "
          "ngủ) (trễ 30 phút; khung giờ chỉ cho phép trễ 10 phút)");
    // A stored row reads in Vietnamese too; its chained text stays English.
    loa::playlog::PlayRecord row;
    loa::playlog::store_reason(row, late);
    CHECK(loa::playlog::shown_reason(row) == loa::playlog::people_text(late));
    CHECK(row.error->rfind("the system clock", 0) == 0);
}

TEST_CASE("a finish waiting in the journal keeps its reason's code and parameters") {
    loa::playlog::JournalEntry entry;
    entry.kind = loa::playlog::JournalEntry::Kind::finish;
    entry.id = "e-1";
    entry.finishes = "e-0";
    entry.end.status = loa::PlayStatus::interrupted;
    const auto stored = loa::playlog::stored_columns(
        Reason("failed.not_in_library", {{"announcement", "lua \"dao\""}}));
    entry.end.error = stored.error;
    entry.end.reason_code = stored.code;
    entry.end.reason_params = stored.params;
    const auto back = loa::playlog::Journal::decode(loa::playlog::Journal::encode(entry));
    REQUIRE(back);
    CHECK(back->end.error == stored.error);
    CHECK(back->end.reason_code == "failed.not_in_library");
    CHECK(back->end.reason_params == stored.params);
}

TEST_CASE("a failure on the play path is written in English, whatever the operator reads") {
    const loa::test::Vietnamese vietnamese;
    const char *message = "sound device '{1}' not found";
    const std::string vietnamese_text = _(message);
    REQUIRE(vietnamese_text != message); // po/vi.po translates it
    {
        const loa::i18n::InEnglish chained_text;
        CHECK(std::string(_(message)) == message);
        std::string elsewhere; // another thread (the console, the control socket) is not in it
        std::thread([&] { elsewhere = _(message); }).join();
        CHECK(elsewhere == vietnamese_text);
        {
            const loa::i18n::ForPeople people; // a caller's callback inside the play path
            CHECK(std::string(_(message)) == vietnamese_text);
        }
        CHECK(std::string(_(message)) == message);
    }
    CHECK(std::string(_(message)) == vietnamese_text);
}
