// Requests reach the engine thread through its inbox: the engine's SQLite connection
// is used on that thread alone (every statement it runs is traced with the thread
// that ran it), and a request asked while a long item plays is answered during it.
// Real library and play log in SQLite, the real clock, a virtual output.
#include "engine/engine.hpp"
#include "lib/sqlite/statement.hpp"
#include "support/engine_station.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <mutex>
#include <set>
#include <thread>

using namespace std::chrono;
using namespace std::chrono_literals;
using loa::PlayStatus;
using loa::Priority;

namespace {

/// Notes the thread of every statement run on a connection, while it lives.
class StatementThreads {
public:
    explicit StatementThreads(sqlite3 *db) : m_db(db) {
        sqlite3_trace_v2(m_db, SQLITE_TRACE_STMT, &StatementThreads::noted, this);
    }
    ~StatementThreads() { sqlite3_trace_v2(m_db, 0, nullptr, nullptr); }
    StatementThreads(const StatementThreads &) = delete;
    StatementThreads &operator=(const StatementThreads &) = delete;

    std::set<std::thread::id> threads() const {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }
    long statements() const {
        std::lock_guard lock(m_mutex);
        return m_statements;
    }

private:
    static int noted(unsigned, void *self, void *, void *) {
        auto &me = *static_cast<StatementThreads *>(self);
        std::lock_guard lock(me.m_mutex);
        me.m_threads.insert(std::this_thread::get_id());
        ++me.m_statements;
        return 0;
    }

    sqlite3 *m_db;
    mutable std::mutex m_mutex;
    std::set<std::thread::id> m_threads;
    long m_statements = 0;
};

/// Waits (generously) for `done`, checking now and then.
template <typename Condition> bool eventually(Condition done) {
    const auto give_up = steady_clock::now() + 20s;
    while (!done() && steady_clock::now() < give_up)
        std::this_thread::sleep_for(5ms);
    return done();
}

} // namespace

TEST_CASE("requests from another thread are looked up and answered on the engine thread, "
          "also while an item plays") {
    loa::test::EngineStation s;
    s.add_tone("long", 1, 15.0);
    s.add_tone("alarm", 1, 0.5);
    loa::SystemClock clock;
    loa::engine::VirtualOutput output(clock);
    loa::engine::Engine engine(clock, *s.schedules, *s.library, *s.log, output,
                               {loa::test::station_zone(), std::nullopt});
    std::optional<StatementThreads> traced;
    traced.emplace(s.db->handle());
    std::thread runner([&] { engine.run(); });
    const auto engine_thread = runner.get_id();
    struct Join {
        loa::engine::Engine &engine;
        std::thread &thread;
        ~Join() {
            engine.stop();
            if (thread.joinable())
                thread.join();
        }
    } join{engine, runner};

    auto first = engine.request_play("long", Priority::normal)->future();
    REQUIRE(first.wait_for(20s) == std::future_status::ready);
    CHECK(first.get().accepted);
    REQUIRE(eventually([&] { return engine.status().now_playing.has_value(); }));

    // The 15 s item is on air: the answers come while it plays, not after it.
    auto unknown = engine.request_play("khong-co", Priority::emergency)->future();
    auto alarm = engine.request_play("alarm", Priority::emergency)->future();
    REQUIRE(unknown.wait_for(20s) == std::future_status::ready);
    const auto refusal = unknown.get();
    CHECK_FALSE(refusal.accepted);
    CHECK(refusal.message.find("'khong-co' is not in the library") != std::string::npos);
    REQUIRE(alarm.wait_for(20s) == std::future_status::ready);
    const auto accepted = alarm.get();
    CHECK(accepted.accepted);
    CHECK(accepted.on_air);

    // Watched through a connection of this thread's own, as `loa log` would.
    auto other = s.home.open_database();
    const auto alarm_completed = [&] {
        try {
            loa::sqlite::Statement count(*other, "SELECT count(*) FROM plays WHERE announcement = "
                                                 "'alarm' AND status = 'completed'");
            count.step();
            return count.column_int(0) == 1;
        } catch (const loa::sqlite::SqliteError &) {
            return false; // busy: look again
        }
    };
    CHECK(eventually(alarm_completed));
    engine.stop();
    runner.join();
    CHECK(traced->statements() > 0);
    CHECK(traced->threads() == std::set<std::thread::id>{engine_thread});
    traced.reset();
    const auto rows = s.log->query({});
    REQUIRE(rows.size() >= 2);
    CHECK(rows[0].announcement == "long");
    CHECK(rows[0].status == PlayStatus::interrupted); // preempted by the accepted emergency
    CHECK(rows[1].announcement == "alarm");
    CHECK(rows.size() <= 3); // and no row for the refused id
}

TEST_CASE("a request its asker withdrew before the engine thread took it never runs") {
    loa::test::EngineStation s;
    s.add_tone("tone", 1, 1.0);
    loa::engine::VirtualOutput output(s.clock);
    loa::engine::Engine engine(s.clock, *s.schedules, *s.library, *s.log, output,
                               {loa::test::station_zone(), std::nullopt});
    const auto given_up = engine.request_play("tone", Priority::emergency);
    auto answer = given_up->future();
    CHECK(given_up->withdraw());
    const auto kept = engine.request_play("tone", Priority::normal);
    engine.step();
    CHECK(answer.wait_for(0s) == std::future_status::timeout); // never answered: never ran
    CHECK_FALSE(kept->withdraw());                             // the engine thread had it
    const auto rows = s.rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].trigger == loa::Trigger::manual);
    CHECK(rows[0].status == PlayStatus::completed);
}
