// The engine's policies, table-driven on a ManualClock: late and missed with their
// reasons, priorities, quiet hours, emergencies that preempt and the resume or
// restart after them, clock steps both ways, crash recovery, reload, status and
// the heartbeat. Real schedule parsing, library and play log in SQLite; the
// output is virtual (it moves the clock by the item's length), or a scripted one.
#include "core/error.hpp"
#include "engine/engine.hpp"
#include "lib/sqlite/statement.hpp"
#include "support/engine_station.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace std::chrono;
using namespace std::chrono_literals;
using loa::PlayStatus;
using loa::Priority;
using loa::test::monday;

namespace {

const auto &zone = loa::test::station_zone();

/// A virtual output that can run a script while an item plays (an emergency request
/// arriving mid-item): the item then stops `played_before_stop` into its play.
class ScriptedOutput final : public loa::engine::Output {
public:
    explicit ScriptedOutput(loa::ManualClock &clock) : m_clock(clock) {}
    std::string device_name() const override { return "null"; }
    loa::playout::PlayResult play(const loa::playout::PlayItem &item, milliseconds length,
                                  loa::TimePoint start_at,
                                  const std::function<void()> &before_first_sample,
                                  std::optional<loa::TimePoint> stop_at) override {
        if (m_clock.now() < start_at)
            m_clock.set(start_at);
        if (failures > 0) {
            --failures; // the device is gone: nothing plays, the hook is not called
            loa::playout::PlayResult failed;
            failed.outcome = loa::playout::PlayOutcome::failed;
            failed.started_at = failed.ended_at = m_clock.now();
            failed.error = "sound device 'usb' disappeared";
            return failed;
        }
        before_first_sample();
        loa::playout::PlayResult result;
        result.started_at = m_clock.now();
        offsets.push_back(item.start_offset);
        followed.push_back(item.followed);
        if (during) {
            auto script = std::move(during);
            during = nullptr;
            script();
        }
        milliseconds played = length - item.start_offset;
        result.outcome = loa::playout::PlayOutcome::completed;
        if (m_stop.exchange(false)) {
            played = played_before_stop;
            result.outcome = loa::playout::PlayOutcome::interrupted;
        } else if (stop_at && *stop_at < result.started_at + played) {
            played = duration_cast<milliseconds>(*stop_at - result.started_at);
            result.outcome = loa::playout::PlayOutcome::interrupted;
        }
        m_clock.set(result.started_at + played);
        result.ended_at = m_clock.now();
        result.position = item.start_offset + played;
        return result;
    }
    void stop() noexcept override { m_stop.store(true); }

    std::function<void()> during; ///< Runs once, inside the next play.
    int failures = 0;             ///< The next plays fail as a lost device would.
    milliseconds played_before_stop{800};
    std::vector<milliseconds> offsets;
    std::vector<bool> followed;

private:
    loa::ManualClock &m_clock;
    std::atomic<bool> m_stop{false};
};

struct Station : loa::test::EngineStation {
    ScriptedOutput output{clock};
    std::optional<loa::station::QuietHours> quiet;

    Station() {
        add_tone("tone", 1, 2.0);
        add_tone("alarm", 1, 3.0);
    }

    std::unique_ptr<loa::engine::Engine> engine() {
        loa::engine::EngineSettings settings{zone, quiet};
        return std::make_unique<loa::engine::Engine>(clock, *schedules, *library, *log, output,
                                                     settings);
    }

    /// Steps `engine` from the clock's now until `until`, sleeping as it asks.
    static void run(loa::engine::Engine &engine, loa::ManualClock &clock, loa::TimePoint until) {
        while (clock.now() < until) {
            const auto next = engine.step();
            clock.sleep_until(std::min(next, until));
        }
    }
    /// A fresh engine (as after a restart) from now until `until`.
    void run_until(loa::TimePoint until) {
        auto e = engine();
        run(*e, clock, until);
    }

    /// (offset_ms, resumes) of a row, which the chain does not cover.
    std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>
    resume_of(std::int64_t play_id) const {
        loa::sqlite::Statement select(
            *db,
            "SELECT coalesce(offset_ms, -1), coalesce(resumes, -1) FROM plays WHERE play_id = ?1");
        select.bind(1, play_id);
        REQUIRE(select.step());
        std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> result;
        if (select.column_int(0) >= 0)
            result.first = select.column_int(0);
        if (select.column_int(1) >= 0)
            result.second = select.column_int(1);
        return result;
    }
};

std::string slot(const std::string &id, const std::string &at, const std::string &extra = "",
                 const std::string &play = R"(["tone"])") {
    return "[[slot]]\nid = \"" + id + "\"\ndays = [\"daily\"]\nat = [\"" + at +
           "\"]\nplay = " + play + "\n" + extra + "\n";
}

bool contains(const std::optional<std::string> &text, const std::string &part) {
    return text && text->find(part) != std::string::npos;
}

} // namespace

TEST_CASE("late policy after downtime: played late with its lateness, or missed saying why") {
    struct Row {
        std::string late;
        int minutes_down; ///< The player comes back this long after 06:00.
        PlayStatus expected;
    };
    const auto row = GENERATE(
        Row{"\"0\"", 1, PlayStatus::missed}, Row{"\"10m\"", 1, PlayStatus::completed},
        Row{"\"10m\"", 9, PlayStatus::completed}, Row{"\"10m\"", 11, PlayStatus::missed},
        Row{"\"90s\"", 2, PlayStatus::missed}, Row{"\"always\"", 600, PlayStatus::completed});
    CAPTURE(row.late, row.minutes_down);
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", "late = " + row.late, R"(["tone", "tone"])"));
    s.clock.set(monday(6, 0) + minutes{row.minutes_down});
    s.run_until(monday(6, 0) + minutes{row.minutes_down} + 5min);
    const auto rows = s.rows();
    REQUIRE(rows.size() == 2); // every item has its outcome, whatever it is
    for (const auto &r : rows) {
        CHECK(r.status == row.expected);
        if (row.expected == PlayStatus::completed) {
            CHECK(r.lateness_ms >= row.minutes_down * 60'000);
        } else {
            CHECK(contains(r.error, "the player was not running at the slot's time"));
            CHECK(contains(r.error, std::to_string(row.minutes_down) + " min late"));
        }
    }
}

TEST_CASE(
    "after days away, only the latest time of a slot plays late; the earlier ones are missed") {
    Station s;
    // Loaded on Friday; the player is away from Friday 05:00 until Monday 07:00.
    s.load("version = 1\n" + slot("sang", "06:00", "late = \"always\""), monday(4, 0) - days{3});
    s.clock.set(monday(7, 0));
    s.run_until(monday(7, 10));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 4); // Friday, Saturday, Sunday and Monday at 06:00
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        CAPTURE(i);
        CHECK(rows[i].status == PlayStatus::missed);
        CHECK(contains(rows[i].error, "the player was not running at the slot's time"));
        CHECK(contains(rows[i].error, "later time 2020-07-20 06:00 plays instead"));
    }
    CHECK(rows.back().status == PlayStatus::completed);
    CHECK(rows.back().lateness_ms >= 60 * 60'000);
}

TEST_CASE("priorities: priority before normal due in the same window and equal priorities in time "
          "order") {
    struct Row {
        std::string schedule;
        loa::TimePoint start;
        std::vector<std::string> order;
    };
    const auto row = GENERATE(
        // Same instant: the priority slot first, whatever the file order.
        Row{slot("a-normal", "06:00") + slot("b-prio", "06:00", "priority = \"priority\""),
            monday(5, 0),
            {"b-prio", "a-normal"}},
        // Both overdue after downtime: the priority one first though it is later.
        Row{slot("a-normal", "05:50", "late = \"always\"") +
                slot("b-prio", "05:55", "late = \"always\"\npriority = \"priority\""),
            monday(6, 0),
            {"b-prio", "a-normal"}},
        // Equal priority, both overdue: in time order, not file order.
        Row{slot("late-one", "05:55", "late = \"always\"") +
                slot("early-one", "05:50", "late = \"always\""),
            monday(6, 0),
            {"early-one", "late-one"}});
    Station s;
    s.load("version = 1\n" + row.schedule);
    s.clock.set(row.start);
    s.run_until(monday(6, 10));
    std::vector<std::string> order;
    for (const auto &r : s.rows())
        order.push_back(r.slot.value_or(""));
    CHECK(order == row.order);
}

TEST_CASE("quiet hours: nothing normal or priority starts inside them, emergencies do") {
    struct Row {
        std::string priority;
        PlayStatus expected;
    };
    const auto row =
        GENERATE(Row{"normal", PlayStatus::skipped}, Row{"priority", PlayStatus::skipped},
                 Row{"emergency", PlayStatus::completed});
    Station s;
    s.quiet = loa::station::QuietHours{hours{22}, hours{6}};
    s.load("version = 1\n" + slot("x", "05:30", "priority = \"" + row.priority + "\""));
    s.run_until(monday(5, 40));
    auto rows = s.rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == row.expected);
    // On demand too.
    auto engine = s.engine();
    engine->request_play("tone",
                         row.priority == "emergency" ? Priority::emergency : Priority::normal);
    engine->step();
    rows = s.rows();
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].status == row.expected);
    CHECK(rows[1].trigger ==
          (row.priority == "emergency" ? loa::Trigger::emergency : loa::Trigger::manual));
}

TEST_CASE(
    "an emergency preempts the current item, which then resumes or restarts by its slot's policy") {
    struct Row {
        std::string policy;
        milliseconds expected_offset;
    };
    const auto row = GENERATE(Row{"", 800ms}, Row{"on_interrupt = \"resume\"", 800ms},
                              Row{"on_interrupt = \"restart\"", 0ms});
    CAPTURE(row.policy);
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", row.policy, R"(["tone", "tone"])"));
    auto engine = s.engine();
    // The play runs on its own thread; the engine thread answers (and preempts) meanwhile.
    s.output.during = [&] { engine->request_play("alarm", Priority::emergency)->future().wait(); };
    Station::run(*engine, s.clock, monday(6, 5));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].position == 0);
    CHECK(rows[0].status == PlayStatus::interrupted);
    CHECK(contains(rows[0].error, "emergency"));
    CHECK(rows[1].announcement == "alarm");
    CHECK(rows[1].trigger == loa::Trigger::emergency);
    CHECK(rows[1].status == PlayStatus::completed);
    CHECK(rows[1].started_at == rows[0].ended_at); // at once
    CHECK(rows[2].position == 0);
    CHECK(rows[2].status == PlayStatus::completed);
    CHECK(s.resume_of(rows[2].play_id) ==
          std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>{
              row.expected_offset.count(), rows[0].play_id});
    CHECK(s.output.offsets == std::vector<milliseconds>{0ms, 0ms, row.expected_offset, 0ms});
    CHECK(rows[3].position == 1);
    CHECK(rows[3].status == PlayStatus::completed);
    // Gapless hand-over is asked for between items of a gap-0 slot, not after the last.
    CHECK(s.output.followed == std::vector<bool>{true, false, true, false});
}

TEST_CASE("a manual play queues after the current item, before the rest of its occurrence") {
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", "", R"(["tone", "tone"])"));
    auto engine = s.engine();
    s.output.during = [&] { engine->request_play("alarm", Priority::priority)->future().wait(); };
    Station::run(*engine, s.clock, monday(6, 5));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].position == 0);
    CHECK(rows[0].status == PlayStatus::completed);
    CHECK(rows[1].announcement == "alarm");
    CHECK(rows[1].trigger == loa::Trigger::manual);
    CHECK(rows[1].priority == Priority::priority);
    CHECK(rows[2].position == 1);
}

TEST_CASE("an id the library does not have is refused by the engine thread, and nothing plays") {
    Station s;
    auto engine = s.engine();
    auto answer = engine->request_play("khong-co", Priority::emergency)->future();
    engine->step();
    REQUIRE(answer.wait_for(0s) == std::future_status::ready);
    const auto refusal = answer.get();
    CHECK_FALSE(refusal.accepted);
    CHECK(refusal.message.find("'khong-co' is not in the library") != std::string::npos);
    CHECK(s.rows().empty());
}

TEST_CASE("clock steps: forward sends skipped occurrences through the late policy, backward "
          "replays nothing") {
    Station s;
    s.load("version = 1\n" + slot("a", "06:00", "late = \"5m\"") +
           slot("b", "06:30", "late = \"1h\"") + slot("c", "07:00"));
    auto engine = s.engine();
    Station::run(*engine, s.clock, monday(5, 59));
    // The engine sleeps until 06:00's pre-roll; the clock is stepped to 06:40 meanwhile.
    const auto next = engine->step();
    CHECK(next == monday(6, 0) - 1500ms);
    s.clock.set(monday(6, 40));
    Station::run(*engine, s.clock, monday(6, 45));
    auto rows = s.rows();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].slot == "a");
    CHECK(rows[0].status == PlayStatus::missed);
    CHECK(contains(rows[0].error, "clock jumped forward"));
    CHECK(rows[1].slot == "b");
    CHECK(rows[1].status == PlayStatus::completed);
    CHECK(rows[1].lateness_ms >= 10 * 60'000);
    Station::run(*engine, s.clock, monday(7, 1));
    REQUIRE(s.rows().size() == 3);
    // Back to 05:55: nothing of 06:00-07:00 plays again, in this engine or a new one.
    s.clock.set(monday(5, 55));
    Station::run(*engine, s.clock, monday(7, 5));
    CHECK(s.rows().size() == 3);
    CHECK(contains(engine->status().problems.back().message, "went back"));
    s.clock.set(monday(5, 55));
    s.run_until(monday(7, 5));
    CHECK(s.rows().size() == 3);
}

TEST_CASE("a play cut by a crash is recorded interrupted at start-up and its occurrence goes "
          "through the late policy again") {
    struct Row {
        std::string late;
        PlayStatus expected;
    };
    const auto row =
        GENERATE(Row{"\"10m\"", PlayStatus::completed}, Row{"\"1m\"", PlayStatus::missed});
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", "late = " + row.late, R"(["tone", "tone"])"));
    loa::playlog::PlayRecord started;
    started.slot = "sang";
    started.position = 0;
    started.announcement = "tone";
    s.log->begin(started, monday(6, 0), monday(6, 0)); // then the power went
    s.clock.set(monday(6, 3));
    auto engine = s.engine();
    int beats = 0;
    loa::engine::EngineSettings settings{zone, std::nullopt};
    settings.heartbeat_interval = 30s;
    loa::engine::Engine running(s.clock, *s.schedules, *s.library, *s.log, s.output, settings);
    running.on_heartbeat([&] {
        ++beats;
        if (s.clock.now() >= monday(6, 10))
            running.stop();
    });
    running.run();
    CHECK(beats >= 14); // every 30 s of the 7 minutes, at least
    const auto rows = s.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].status == PlayStatus::interrupted);
    CHECK(contains(rows[0].error, "power cut or crash"));
    CHECK(rows[1].position == 0);
    CHECK(rows[1].status == row.expected);
    CHECK(rows[2].position == 1);
    CHECK(rows[2].status == row.expected);
}

TEST_CASE("without a heartbeat the engine sleeps until its next event, not every second") {
    Station s;
    auto engine = s.engine();
    CHECK(engine->step() == monday(5, 0) + 24h); // nothing loaded: nothing to wake for
    CHECK(engine->status().state == loa::engine::EngineState::no_schedule);
    s.load("version = 1\n" + slot("toi", "19:00") +
               slot("sang", "06:00", "priority = \"priority\""),
           monday(5, 0));
    engine->reload();
    CHECK(engine->step() == monday(6, 0) - 1500ms);
    const auto status = engine->status();
    CHECK(status.state == loa::engine::EngineState::idle);
    CHECK(status.schedule_version == 1);
    CHECK(status.schedule_file == "test.toml");
    REQUIRE(status.next.size() == 5);
    CHECK(status.next[0].slot == "sang");
    CHECK(status.next[0].at == monday(6, 0));
    CHECK(status.next[0].priority == Priority::priority);
    CHECK(status.next[1].slot == "toi");
    CHECK(status.next[2].at == monday(6, 0) + 24h);
    CHECK(status.device == "null");
}

TEST_CASE("a reloaded schedule replays nothing that already has its outcome") {
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", "", R"(["tone", "tone"])"));
    auto engine = s.engine();
    Station::run(*engine, s.clock, monday(6, 1));
    REQUIRE(s.rows().size() == 2);
    // The same slot again, one item more, loaded a minute later: only the new item plays.
    s.load("version = 1\n" +
               slot("sang", "06:00", "late = \"10m\"", R"(["tone", "tone", "alarm"])"),
           monday(6, 0, 30));
    engine->reload();
    Station::run(*engine, s.clock, monday(6, 5));
    CHECK(s.rows().size() == 2); // loaded after 06:00: that occurrence is not the new version's
    // The version loaded at 06:01 has 06:10 too: 06:00 does not play again, 06:10 does.
    s.load("version = 1\n" +
               slot("sang", "06:00", "late = \"10m\"", R"(["tone", "tone", "alarm"])") +
               slot("sau", "06:10"),
           monday(6, 1));
    engine->reload();
    Station::run(*engine, s.clock, monday(6, 11));
    CHECK(s.rows().size() == 3);
    // A restart with a version that covers 06:00 (loaded before it): the items that
    // have their outcome are known by their identity; only the new third item plays.
    s.load("version = 1\n" +
               slot("sang", "06:00", "late = \"20m\"", R"(["tone", "tone", "alarm"])"),
           monday(5, 0));
    s.run_until(monday(6, 12));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 4);
    CHECK(rows[3].announcement == "alarm");
    CHECK(rows[3].position == 2);
    CHECK(rows[3].status == PlayStatus::completed);
}

TEST_CASE(
    "a scheduled emergency stops the item on air before its instant and the item then resumes") {
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", "", R"(["tone", "tone"])") +
           slot("bao", "06:00:01", "priority = \"emergency\"", R"(["alarm"])"));
    s.run_until(monday(6, 5));
    const auto rows = s.rows();
    for (const auto &r : rows)
        UNSCOPED_INFO(r.slot.value_or("")
                      << " #" << r.position.value_or(-1) << " " << loa::to_string(r.status) << " "
                      << (r.started_at ? r.started_at->text() : "") << " "
                      << (r.ended_at ? r.ended_at->text() : ""));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].position == 0);
    CHECK(rows[0].status == PlayStatus::interrupted); // stopped (faded) just before 06:00:01
    CHECK(rows[0].ended_at == loa::StationTime::parse("2020-07-20T06:00:00.500+07:00"));
    CHECK(rows[1].slot == "bao");
    CHECK(rows[1].started_at ==
          loa::StationTime::parse("2020-07-20T06:00:01.000+07:00")); // on time
    CHECK(rows[1].status == PlayStatus::completed);
    CHECK(rows[2].position == 0);
    CHECK(rows[2].status == PlayStatus::completed);
    CHECK(
        s.resume_of(rows[2].play_id) ==
        std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>>{500, rows[0].play_id});
    CHECK(rows[3].position == 1);
    CHECK(rows[3].status == PlayStatus::completed);
}

TEST_CASE(
    "an emergency due before the next item goes first and the item is not started only to be cut") {
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", "", R"(["tone", "tone"])") +
           slot("bao", "06:00:03", "priority = \"emergency\"", R"(["alarm"])"));
    s.run_until(monday(6, 5));
    const auto rows = s.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].position == 0);
    CHECK(rows[0].status == PlayStatus::completed);
    CHECK(rows[1].slot == "bao");
    CHECK(rows[1].started_at == loa::StationTime::parse("2020-07-20T06:00:03.000+07:00"));
    CHECK(rows[2].position == 1);
    CHECK(rows[2].status == PlayStatus::completed);
    CHECK(rows[2].started_at == rows[1].ended_at);
}

TEST_CASE("status, request_play, reload and stop from other threads while run() loops") {
    Station s;
    loa::engine::EngineSettings settings{zone, std::nullopt};
    settings.heartbeat_interval = 10s;
    loa::engine::VirtualOutput output(s.clock);
    loa::engine::Engine engine(s.clock, *s.schedules, *s.library, *s.log, output, settings);
    std::atomic<int> beats{0};
    engine.on_heartbeat([&] { ++beats; });
    auto other =
        s.home.open_database(); // the control side's own connection, as `loa schedule load` has
    std::thread runner([&] { engine.run(); });
    struct Join {
        loa::engine::Engine &engine;
        std::thread &thread;
        ~Join() {
            engine.stop();
            thread.join();
        }
    } join{engine, runner};
    const auto played = [&]() -> std::int64_t {
        try {
            loa::sqlite::Statement count(*other,
                                         "SELECT count(*) FROM plays WHERE status = 'completed'");
            count.step();
            return count.column_int(0);
        } catch (const loa::sqlite::SqliteError &error) {
            UNSCOPED_INFO("the log is busy: " << error.what());
            return 0;
        }
    };
    engine.request_play("tone", Priority::normal);
    engine.request_play("alarm", Priority::emergency);
    loa::station::ScheduleStore(*other).activate("test.toml",
                                                 "version = 1\n" + slot("sang", "06:00"),
                                                 zone.format_iso(monday(5, 0)), monday(5, 0));
    engine.reload();
    const auto give_up = steady_clock::now() + 20s;
    while (played() < 2 && steady_clock::now() < give_up) {
        const auto status = engine.status();
        CHECK(status.device == "null");
        std::this_thread::sleep_for(1ms);
    }
    CHECK(played() >= 2);
    while (engine.status().schedule_version != 1 && steady_clock::now() < give_up)
        std::this_thread::sleep_for(1ms);
    CHECK(engine.status().schedule_version == 1);
    engine.stop();
    while (engine.status().state != loa::engine::EngineState::stopping &&
           steady_clock::now() < give_up)
        std::this_thread::sleep_for(1ms);
    CHECK(beats.load() > 0);
    CHECK(engine.status().state == loa::engine::EngineState::stopping);
}

TEST_CASE("the heartbeat goes on while a long item plays") {
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00"));
    loa::engine::EngineSettings settings{zone, std::nullopt};
    settings.heartbeat_interval = 20ms;
    loa::engine::Engine engine(s.clock, *s.schedules, *s.library, *s.log, s.output, settings);
    std::atomic<int> beats{0};
    engine.on_heartbeat([&] { ++beats; });
    int during = -1;
    s.output.during = [&] {
        const int before = beats.load();
        std::this_thread::sleep_for(300ms); // the item on air, in real time
        during = beats.load() - before;
    };
    Station::run(engine, s.clock, monday(6, 1));
    REQUIRE(s.rows().size() == 1);
    CHECK(during >= 3);
}

TEST_CASE(
    "a device failure fails the item with its reason and shows in status until a play succeeds") {
    Station s;
    s.load("version = 1\n" + slot("sang", "06:00", "", R"(["tone", "tone"])") +
           slot("sau", "06:10"));
    auto engine = s.engine();
    s.output.failures = 2;
    Station::run(*engine, s.clock, monday(6, 5));
    auto rows = s.rows();
    REQUIRE(rows.size() == 2);
    for (const auto &r : rows) {
        CHECK(r.status == PlayStatus::failed);
        CHECK(contains(r.error, "disappeared"));
    }
    auto status = engine->status();
    CHECK(status.state == loa::engine::EngineState::device_unavailable);
    REQUIRE(!status.problems.empty());
    CHECK(status.problems.back().message.find("disappeared") != std::string::npos);
    Station::run(*engine, s.clock, monday(6, 15));
    rows = s.rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[2].status == PlayStatus::completed);
    CHECK(engine->status().state == loa::engine::EngineState::idle);
}
