#include "playout/player.hpp"

#include "audio_files.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;
using loa::ManualClock;
using loa::SystemClock;
using loa::TimePoint;
using namespace loa::playout;
using namespace loa::playout::test;

namespace {

/// 2020-07-20 06:00:00 UTC, a whole second.
const TimePoint k_t0{std::chrono::seconds(1'595'224'800)};

TimePoint::duration frames_at_48k(std::int64_t frames) {
    return std::chrono::duration_cast<TimePoint::duration>(std::chrono::nanoseconds(
        frames / 48000 * 1'000'000'000 + frames % 48000 * 1'000'000'000 / 48000));
}

OutputSpec wav_output(const std::filesystem::path &path) {
    return {OutputSpec::Kind::wav, path.string()};
}

const auto k_nothing = [] {};

} // namespace

TEST_CASE("Player plays a WAV file into the WAV sink bit-exactly, on the instant", "[player]") {
    TemporaryDirectory directory;
    const Pcm16 pcm = noise(48000, 2, 3 * 48000 + 120);
    write_wav(directory / "in.wav", pcm);
    ManualClock clock(k_t0);
    Player player(wav_output(directory / "out.wav"), clock);
    CHECK(player.rate() == 48000);
    CHECK(player.channels() == 2);
    CHECK(player.device_name() == "wav:" + (directory / "out.wav").string());

    const TimePoint start_at = k_t0 + 5s;
    int calls = 0;
    TimePoint called_at;
    std::size_t frames_when_called = 1;
    const PlayResult result = player.play({directory / "in.wav"}, start_at, [&] {
        ++calls;
        called_at = clock.now();
        frames_when_called = read_wav(directory / "out.wav").frames();
    });

    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(result.error.empty());
    CHECK(result.started_at == start_at);
    CHECK(result.ended_at == start_at + frames_at_48k(3 * 48000 + 120));
    CHECK(result.frames_played == 3 * 48000 + 120);
    CHECK(result.underruns == 0);
    CHECK(calls == 1);
    CHECK(called_at < start_at);
    CHECK(frames_when_called == 0);
    CHECK(clock.now() >= result.ended_at);

    const Pcm16 out = read_wav(directory / "out.wav");
    CHECK(out.rate == 48000);
    CHECK(out.channels == 2);
    REQUIRE(out.samples.size() == pcm.samples.size());
    CHECK(out.samples == pcm.samples);
}

TEST_CASE("Player appends items without silence, the WAV valid after each", "[player]") {
    TemporaryDirectory directory;
    const Pcm16 first = noise(48000, 2, 48000, 7);
    const Pcm16 second = noise(48000, 2, 24000, 8);
    write_wav(directory / "first.wav", first);
    write_wav(directory / "second.wav", second);
    ManualClock clock(k_t0);
    Player player(wav_output(directory / "out.wav"), clock);

    const PlayResult one = player.play({directory / "first.wav"}, k_t0 + 2s, k_nothing);
    CHECK(one.started_at == k_t0 + 2s);
    CHECK(read_wav(directory / "out.wav").samples == first.samples);

    const TimePoint second_at = k_t0 + 10s + 500ms;
    const PlayResult two = player.play({directory / "second.wav"}, second_at, k_nothing);
    CHECK(two.outcome == PlayOutcome::completed);
    CHECK(two.started_at == second_at);
    CHECK(two.ended_at == second_at + 500ms);

    std::vector<short> both = first.samples;
    both.insert(both.end(), second.samples.begin(), second.samples.end());
    CHECK(read_wav(directory / "out.wav").samples == both);
}

TEST_CASE("Player aligns an instant between frames to the nearest frame", "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "in.wav", noise(48000, 2, 4800));
    ManualClock clock(k_t0);
    Player player({OutputSpec::Kind::null, ""}, clock);
    const TimePoint start_at = k_t0 + 3s + 7us;
    const PlayResult result = player.play({directory / "in.wav"}, start_at, k_nothing);
    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(std::chrono::abs(result.started_at - start_at) <= 11us);
}

TEST_CASE("Player resamples a mono 22050 Hz voice onto both channels", "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "voice.wav", sine(22050, 1, 2 * 22050, 300.0, 0.5));
    ManualClock clock(k_t0);
    Player player(wav_output(directory / "out.wav"), clock);
    const PlayResult result = player.play({directory / "voice.wav"}, k_t0 + 1s, k_nothing);
    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(std::abs(result.frames_played - 96000) <= 2);

    const Pcm16 out = read_wav(directory / "out.wav");
    CHECK(static_cast<std::int64_t>(out.frames()) == result.frames_played);
    bool same = true;
    short peak = 0;
    for (std::size_t i = 0; i + 1 < out.samples.size(); i += 2) {
        same = same && out.samples[i] == out.samples[i + 1];
        peak = std::max<short>(peak, out.samples[i]);
    }
    CHECK(same);
    CHECK(std::abs(peak - 16384) < 200);
}

TEST_CASE("Player starts a late item at once", "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "in.wav", noise(48000, 2, 4800));
    ManualClock clock(k_t0);
    Player player({OutputSpec::Kind::null, ""}, clock);
    const TimePoint start_at = k_t0 - 2s;
    const PlayResult result = player.play({directory / "in.wav"}, start_at, k_nothing);
    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(result.started_at >= k_t0);
    CHECK(result.started_at - start_at < 2s + 50ms);
}

TEST_CASE("Player refuses an undecodable file before anything plays", "[player]") {
    TemporaryDirectory directory;
    const auto bad = directory / "bản tin hỏng.mp3";
    std::ofstream(bad) << "not audio";
    ManualClock clock(k_t0);
    Player player(wav_output(directory / "out.wav"), clock);
    bool called = false;
    CHECK_THROWS_AS(player.play({bad}, k_t0 + 1s, [&] { called = true; }), loa::InputError);
    CHECK_THROWS_WITH(player.play({bad}, k_t0 + 1s, [&] { called = true; }),
                      Catch::Contains(bad.string()));
    CHECK_FALSE(called);

    // An empty file decodes, to nothing: refused too.
    write_wav(directory / "empty.wav", Pcm16{48000, 2, {}});
    CHECK_THROWS_WITH(player.play({directory / "empty.wav"}, k_t0 + 1s, k_nothing),
                      Catch::Contains("contains no audio"));
    CHECK(read_wav(directory / "out.wav").frames() == 0);
}

TEST_CASE("Player plays nothing when before_first_sample throws", "[player]") {
    TemporaryDirectory directory;
    const Pcm16 pcm = noise(48000, 2, 4800);
    write_wav(directory / "in.wav", pcm);
    ManualClock clock(k_t0);
    Player player(wav_output(directory / "out.wav"), clock);
    CHECK_THROWS_WITH(player.play({directory / "in.wav"}, k_t0 + 1s,
                                  [] { throw std::runtime_error("database is locked"); }),
                      "database is locked");
    CHECK(read_wav(directory / "out.wav").frames() == 0);

    // The player is still usable.
    const PlayResult result = player.play({directory / "in.wav"}, k_t0 + 5s, k_nothing);
    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(read_wav(directory / "out.wav").samples == pcm.samples);
}

TEST_CASE("Player plays a long file through a ManualClock without real waiting", "[player]") {
    TemporaryDirectory directory;
    constexpr std::size_t frames = 2 * 60 * 44100;
    write_wav(directory / "long.wav", sine(44100, 1, frames, 440.0, 0.3));
    ManualClock clock(k_t0);
    Player player({OutputSpec::Kind::null, ""}, clock);
    const auto began = std::chrono::steady_clock::now();
    const PlayResult result = player.play({directory / "long.wav"}, k_t0 + 1min, k_nothing);
    const auto took = std::chrono::steady_clock::now() - began;

    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(result.started_at == k_t0 + 1min);
    CHECK(std::chrono::abs(result.ended_at - result.started_at - 120s) < 1ms);
    CHECK(result.underruns == 0);
    CHECK(took < 60s); // two minutes of audio; seconds even under sanitizers
}

TEST_CASE("Player stop() fades the current item out and returns", "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "in.wav", sine(48000, 2, 5 * 48000, 440.0, 0.5));
    SystemClock clock;
    Player player({OutputSpec::Kind::null, ""}, clock);
    std::thread stopper([&] {
        std::this_thread::sleep_for(700ms);
        player.stop();
    });
    const auto began = std::chrono::steady_clock::now();
    const PlayResult result = player.play({directory / "in.wav"}, clock.now(), k_nothing);
    const auto took = std::chrono::steady_clock::now() - began;
    stopper.join();

    CHECK(result.outcome == PlayOutcome::interrupted);
    CHECK(result.frames_played > 48000 / 5);
    CHECK(result.frames_played < 2 * 48000);
    CHECK(result.ended_at > result.started_at);
    CHECK(took < 2s);
}

TEST_CASE("Player stop() while waiting for the instant plays nothing", "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "in.wav", noise(48000, 2, 4800));
    SystemClock clock;
    Player player({OutputSpec::Kind::null, ""}, clock);
    std::thread stopper([&] {
        std::this_thread::sleep_for(200ms);
        player.stop();
    });
    bool called = false;
    const auto began = std::chrono::steady_clock::now();
    const PlayResult result =
        player.play({directory / "in.wav"}, clock.now() + 30s, [&] { called = true; });
    const auto took = std::chrono::steady_clock::now() - began;
    stopper.join();

    CHECK(result.outcome == PlayOutcome::interrupted);
    CHECK(result.frames_played == 0);
    CHECK_FALSE(called);
    CHECK(took < 1s);
}

TEST_CASE("Player paces the null sink in real time on the system clock", "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "in.wav", noise(48000, 2, 48000 / 2));
    SystemClock clock;
    Player player({OutputSpec::Kind::null, ""}, clock);
    const TimePoint start_at = clock.now() + 500ms;
    const PlayResult result = player.play({directory / "in.wav"}, start_at, k_nothing);
    const TimePoint returned_at = clock.now();

    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(std::chrono::abs(result.started_at - start_at) < 1ms);
    CHECK(result.ended_at - result.started_at == 500ms);
    CHECK(returned_at >= result.ended_at);
    CHECK(returned_at - result.ended_at < 200ms);
}

TEST_CASE("Player refuses an unwritable WAV path", "[player]") {
    ManualClock clock(k_t0);
    CHECK_THROWS_AS(Player(wav_output("/nonexistent-directory/out.wav"), clock), loa::Error);
    CHECK_THROWS_WITH(Player(wav_output("/nonexistent-directory/out.wav"), clock),
                      Catch::Contains("/nonexistent-directory/out.wav"));
}
