// The control socket's side of the engine: `loa play` through a running player gets
// the engine thread's answer, or, when the engine thread does not take the request
// in time, a refusal after which the request never runs.
#include "cli/engine_control.hpp"
#include "engine/engine.hpp"
#include "support/engine_station.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace std::chrono_literals;

TEST_CASE("engine control: the engine thread's answer, or a withdrawn request that never runs") {
    loa::test::EngineStation s;
    s.add_tone("tone", 1, 1.0);
    loa::SystemClock clock;
    loa::engine::VirtualOutput output(clock);
    loa::engine::Engine engine(clock, *s.schedules, *s.library, *s.log, output,
                               {loa::test::station_zone(), std::nullopt});
    loa::cli::EngineControl control(engine, 50ms);
    // The engine thread is not running: nobody answers, and the request is withdrawn.
    const auto late = control.play("tone", loa::Priority::emergency);
    CHECK_FALSE(late.accepted);
    CHECK(late.message.find("did not take 'tone' in time") != std::string::npos);
    engine.step();
    CHECK(s.rows().empty());

    std::thread engine_thread([&] { engine.run(); });
    loa::cli::EngineControl patient(engine, 10s);
    const auto unknown = patient.play("khong-co", loa::Priority::normal);
    CHECK_FALSE(unknown.accepted);
    CHECK(unknown.message.find("'khong-co' is not in the library") != std::string::npos);
    const auto played = patient.play("tone", loa::Priority::normal);
    CHECK(played.accepted);
    CHECK(played.message == "tone plays now");
    engine.stop();
    engine_thread.join();
}
