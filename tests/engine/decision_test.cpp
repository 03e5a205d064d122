// The decision core by table: every late, miss, skip, priority, quiet-hours and
// emergency rule the engine tests cover end to end, here as pure cases (no clock,
// no database, no output).
#include "engine/decision.hpp"
#include "playlog/reason_text.hpp"

#include <catch2/catch.hpp>

using namespace std::chrono;
using namespace std::chrono_literals;
using loa::Priority;
using loa::engine::Fate;

namespace {

const auto zone = loa::TimeZone::load("Asia/Ho_Chi_Minh");

loa::TimePoint monday(int hh, int mm, int ss = 0) {
    return zone.from_local(year_month_day{year{2020}, month{7}, day{20}},
                           hours{hh} + minutes{mm} + seconds{ss});
}

const loa::engine::StationPolicy no_quiet{zone, std::nullopt};
const loa::engine::StationPolicy quiet_22_to_6{zone, loa::station::QuietHours{hours{22}, hours{6}}};

loa::schedule::LatePolicy late(loa::schedule::LatePolicy::Kind kind, seconds within = 600s) {
    return {kind, within};
}

using loa::playlog::chained_text;

bool contains(const std::string &text, const std::string &part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the late policy: on time, late within the allowance, or missed saying why") {
    using Kind = loa::schedule::LatePolicy::Kind;
    struct Row {
        loa::schedule::LatePolicy late;
        seconds lateness;
        std::optional<std::string> later_time;
        bool refused;
        std::string reason_part;
    };
    const auto row = GENERATE(
        Row{late(Kind::never), 2s, std::nullopt, false, ""}, // within 2 s is on time, even for "0"
        Row{late(Kind::never), 60s, std::nullopt, true,
            "1 min late; the slot does not allow late plays"},
        Row{late(Kind::within), 60s, std::nullopt, false, ""},
        Row{late(Kind::within), 9min, std::nullopt, false, ""},
        Row{late(Kind::within), 10min, std::nullopt, false, ""},
        Row{late(Kind::within), 11min, std::nullopt, true, "11 min late; the slot allows 10 min"},
        Row{late(Kind::within, 90s), 120s, std::nullopt, true, "2 min late; the slot allows 1 min"},
        Row{late(Kind::within, 30s), 45s, std::nullopt, true, "45 s late; the slot allows 30 s"},
        Row{late(Kind::always), 600min, std::nullopt, false, ""},
        // After downtime only the latest time of a slot plays, whatever the policy.
        Row{late(Kind::always), 3 * 24h, std::string("2020-07-20 06:00"), true,
            "the same slot's later time 2020-07-20 06:00 plays instead, not both"},
        Row{late(Kind::always), 1s, std::string("2020-07-20 06:00"), false, ""});
    CAPTURE(row.lateness.count(), row.reason_part);
    const loa::TimePoint planned = monday(6, 0);
    const auto refusal = loa::engine::late_refusal({planned, planned + row.lateness, row.late,
                                                    "the player was not running at the slot's time",
                                                    row.later_time});
    REQUIRE(refusal.has_value() == row.refused);
    if (refusal) {
        CHECK(chained_text(*refusal).rfind("the player was not running at the slot's time", 0) ==
              0);
        CHECK(contains(chained_text(*refusal), row.reason_part));
    }
}

TEST_CASE("why the engine was late: the gap that holds the instant, the device, or busy") {
    loa::engine::DeviceState device;
    device.gaps.push_back(
        {loa::TimePoint::min(), monday(5, 0), "the player was not running at the slot's time"});
    device.gaps.push_back(
        {monday(6, 0), monday(6, 40), "the system clock jumped forward from A to B"});
    struct Row {
        loa::TimePoint at;
        std::optional<loa::TimePoint> failed_since;
        std::string expected;
    };
    const auto row = GENERATE_COPY(
        Row{monday(4, 0), std::nullopt, "the player was not running at the slot's time"},
        Row{monday(6, 10), std::nullopt, "the system clock jumped forward from A to B"},
        Row{monday(5, 30), std::nullopt, "the player was busy with earlier plays"},
        Row{monday(7, 0), monday(6, 50), "the sound device failed"},
        Row{monday(6, 10), monday(6, 5),
            "the system clock jumped forward from A to B"}); // the gap wins
    device.failed_since = row.failed_since;
    CHECK(chained_text(loa::engine::why_late(device, row.at)) == row.expected);
}

TEST_CASE("an item's fate: refused, quiet hours, not in the library, yield between items, play") {
    struct Row {
        std::string name;
        Priority priority;
        const loa::engine::StationPolicy *policy;
        loa::TimePoint now;
        std::optional<std::string> refusal;
        bool in_library;
        bool between_items;
        bool request_waiting;
        bool emergency_due;
        Fate expected;
        std::string reason;
    };
    const auto row = GENERATE(
        Row{"on time", Priority::normal, &no_quiet, monday(6, 0), std::nullopt, true, false, false,
            false, Fate::play, ""},
        Row{"refused by the late policy", Priority::normal, &no_quiet, monday(6, 20),
            std::string("too late"), true, false, false, false, Fate::miss, "too late"},
        Row{"missed comes before quiet hours", Priority::normal, &quiet_22_to_6, monday(5, 30),
            std::string("too late"), true, false, false, false, Fate::miss, "too late"},
        Row{"normal in quiet hours", Priority::normal, &quiet_22_to_6, monday(5, 30), std::nullopt,
            true, false, false, false, Fate::skip, "inside the station's quiet hours"},
        Row{"priority in quiet hours", Priority::priority, &quiet_22_to_6, monday(5, 30),
            std::nullopt, true, false, false, false, Fate::skip,
            "inside the station's quiet hours"},
        Row{"emergency in quiet hours", Priority::emergency, &quiet_22_to_6, monday(5, 30),
            std::nullopt, true, false, false, false, Fate::play, ""},
        Row{"quiet hours are over", Priority::normal, &quiet_22_to_6, monday(6, 0), std::nullopt,
            true, false, false, false, Fate::play, ""},
        Row{"not in the library", Priority::normal, &no_quiet, monday(6, 0), std::nullopt, false,
            false, false, false, Fate::fail,
            "announcement 'tone' is not in the library; import it with 'loa import'"},
        Row{"a request waits between two items", Priority::normal, &no_quiet, monday(6, 0),
            std::nullopt, true, true, true, false, Fate::yield, ""},
        Row{"an emergency is due between two items", Priority::priority, &no_quiet, monday(6, 0),
            std::nullopt, true, true, false, true, Fate::yield, ""},
        Row{"a request waiting before the first item does not cut in", Priority::normal, &no_quiet,
            monday(6, 0), std::nullopt, true, false, true, false, Fate::play, ""});
    CAPTURE(row.name);
    loa::engine::ItemFacts facts;
    facts.announcement = "tone";
    facts.priority = row.priority;
    facts.occurrence_at = row.now;
    facts.planned_start = row.now;
    facts.now = row.now;
    if (row.refusal)
        facts.refusal = *row.refusal;
    facts.in_library = row.in_library;
    facts.between_items = row.between_items;
    facts.request_waiting = row.request_waiting;
    facts.emergency_due = row.emergency_due;
    const auto decision = loa::engine::decide_item(facts, *row.policy);
    CHECK(decision.fate == row.expected);
    CHECK(chained_text(decision.reason) == row.reason);
    if (decision.fate == Fate::play)
        CHECK(decision.start_at == row.now);
}

TEST_CASE("quiet hours are judged at the item's planned start, not only now") {
    loa::engine::ItemFacts facts;
    facts.announcement = "tone";
    facts.occurrence_at = monday(21, 59);
    facts.now = monday(21, 59);
    facts.planned_start = monday(22, 0, 30); // after the previous item and its gap
    CHECK(loa::engine::decide_item(facts, quiet_22_to_6).fate == Fate::skip);
    facts.planned_start = monday(21, 59, 30);
    const auto decision = loa::engine::decide_item(facts, quiet_22_to_6);
    CHECK(decision.fate == Fate::play);
    CHECK(decision.start_at == monday(21, 59, 30));
}

TEST_CASE("a scheduled emergency: the item stops just before it, or waits for its pre-roll") {
    struct Row {
        Priority priority;
        loa::TimePoint emergency_at;
        Fate expected;
        std::optional<loa::TimePoint> stop_at;
        loa::TimePoint wait_until;
    };
    const auto row = GENERATE(
        // Due 1 s into the item: it stops 500 ms before (the fade takes at most 300 ms).
        Row{Priority::normal, monday(6, 0, 1), Fate::play, monday(6, 0) + 500ms, {}},
        // Due 300 ms from now: too close to start anything; wait for its pre-roll.
        Row{Priority::normal, monday(6, 0) + 300ms, Fate::wait, std::nullopt,
            monday(6, 0) + 300ms - 1500ms},
        // An emergency item is never cut by another.
        Row{Priority::emergency, monday(6, 0, 1), Fate::play, std::nullopt, {}});
    loa::engine::ItemFacts facts;
    facts.announcement = "tone";
    facts.priority = row.priority;
    facts.occurrence_at = facts.planned_start = facts.now = monday(6, 0);
    facts.length = 2s;
    facts.next_emergency = row.emergency_at;
    const auto decision = loa::engine::decide_item(facts, no_quiet);
    CHECK(decision.fate == row.expected);
    if (row.expected == Fate::play)
        CHECK(decision.stop_at == row.stop_at);
    else
        CHECK(decision.wait_until == row.wait_until);
    CHECK(loa::engine::emergency_horizon(monday(6, 0), monday(5, 59), 2s, 1500ms) ==
          monday(6, 0) + 3500ms);
}

TEST_CASE("a request's fate: gone from the library, quiet hours, emergency, play now") {
    struct Row {
        Priority priority;
        const loa::engine::StationPolicy *policy;
        bool in_library;
        Fate expected;
        std::string reason;
    };
    const auto row =
        GENERATE(Row{Priority::normal, &no_quiet, true, Fate::play, ""},
                 Row{Priority::normal, &no_quiet, false, Fate::fail,
                     "announcement 'tone' is not in the library any more"},
                 Row{Priority::normal, &quiet_22_to_6, true, Fate::skip,
                     "inside the station's quiet hours (only an emergency plays then)"},
                 Row{Priority::priority, &quiet_22_to_6, true, Fate::skip,
                     "inside the station's quiet hours (only an emergency plays then)"},
                 Row{Priority::emergency, &quiet_22_to_6, true, Fate::play, ""});
    loa::engine::RequestFacts facts;
    facts.announcement = "tone";
    facts.priority = row.priority;
    facts.now = monday(5, 0);
    facts.in_library = row.in_library;
    const auto decision = loa::engine::decide_request(facts, *row.policy);
    CHECK(decision.fate == row.expected);
    CHECK(chained_text(decision.reason) == row.reason);
    if (decision.fate == Fate::play)
        CHECK(decision.start_at == monday(5, 0));
}

TEST_CASE("which due occurrence goes first: the higher priority, then the earlier") {
    struct Row {
        Priority a;
        loa::TimePoint a_at;
        Priority b;
        loa::TimePoint b_at;
        bool a_first;
    };
    const auto row =
        GENERATE(Row{Priority::priority, monday(6, 0), Priority::normal, monday(6, 0), true},
                 Row{Priority::priority, monday(5, 55), Priority::normal, monday(5, 50), true},
                 Row{Priority::normal, monday(5, 50), Priority::normal, monday(5, 55), true},
                 Row{Priority::normal, monday(5, 55), Priority::normal, monday(5, 50), false},
                 Row{Priority::emergency, monday(6, 1), Priority::priority, monday(6, 0), true});
    CHECK(loa::engine::goes_before(row.a, row.a_at, row.b, row.b_at) == row.a_first);
    CHECK(loa::engine::goes_before(row.b, row.b_at, row.a, row.a_at) == !row.a_first);
}

TEST_CASE("a play the loudness settings would make silent fails; a silent file is left alone") {
    struct Row {
        bool file_silent;
        std::optional<double> peak_dbfs;
        double gain_db;
        bool fails;
    };
    const auto row = GENERATE(Row{false, -1.0, 0.0, false}, Row{false, -20.0, -30.0, false},
                              Row{false, -1.0, -484.0, true}, Row{false, -1.0, std::nan(""), true},
                              Row{false, -30.0, -35.0, true}, Row{true, -70.0, 0.0, false},
                              Row{false, std::nullopt, -484.0, false});
    CAPTURE(row.gain_db);
    const auto reason = loa::engine::silent_output(row.file_silent, row.peak_dbfs, row.gain_db);
    CHECK(reason.has_value() == row.fails);
    if (reason)
        CHECK(contains(chained_text(*reason), "loudness_target_lufs"));
}
