#include "playout/player.hpp"

#include "audio_files.hpp"
#include "core/error.hpp"
#include "playout/item_reader.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

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

/// True if `out` is `pcm` as the player renders it at 0 dB: the first and last 10 ms
/// faded in and out (frame k of n = 480 gets (k+1)/(n+1)), every other sample exact.
bool faded_copy(const std::vector<short> &out, const Pcm16 &pcm) {
    if (out.size() != pcm.samples.size())
        return false;
    const std::size_t n = ItemReader::boundary_fade_frames(pcm.rate);
    const std::size_t frames = pcm.frames();
    for (std::size_t frame = 0; frame < frames; ++frame) {
        double gain = 1.0;
        if (frame < n)
            gain *= static_cast<double>(frame + 1) / static_cast<double>(n + 1);
        if (frames - frame <= n)
            gain *= static_cast<double>(frames - frame) / static_cast<double>(n + 1);
        for (unsigned channel = 0; channel < pcm.channels; ++channel) {
            const std::size_t i = frame * pcm.channels + channel;
            if (gain == 1.0 ? out[i] != pcm.samples[i]
                            : std::abs(out[i] - pcm.samples[i] * gain) > 1.0)
                return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("Player plays a WAV file into the WAV sink exactly but for its fades, on the instant",
          "[player]") {
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
    CHECK(faded_copy(out.samples, pcm));
    CHECK(result.position == 3002ms);
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
    CHECK(faded_copy(read_wav(directory / "out.wav").samples, first));

    const TimePoint second_at = k_t0 + 10s + 500ms;
    const PlayResult two = player.play({directory / "second.wav"}, second_at, k_nothing);
    CHECK(two.outcome == PlayOutcome::completed);
    CHECK(two.started_at == second_at);
    CHECK(two.ended_at == second_at + 500ms);

    const std::vector<short> out = read_wav(directory / "out.wav").samples;
    REQUIRE(out.size() == first.samples.size() + second.samples.size());
    const auto middle = out.begin() + static_cast<long>(first.samples.size());
    CHECK(faded_copy({out.begin(), middle}, first));
    CHECK(faded_copy({middle, out.end()}, second));
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
    CHECK(faded_copy(read_wav(directory / "out.wav").samples, pcm));
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

TEST_CASE("Player fades every item in and out over 10 ms, monotonically", "[player]") {
    TemporaryDirectory directory;
    Pcm16 dc{48000, 1, std::vector<short>(48000, 16000)};
    write_wav(directory / "dc.wav", dc);
    ManualClock clock(k_t0);
    Player player(wav_output(directory / "out.wav"), clock);
    REQUIRE(player.play({directory / "dc.wav"}, k_t0 + 1s, k_nothing).outcome ==
            PlayOutcome::completed);
    const Pcm16 out = read_wav(directory / "out.wav");
    REQUIRE(out.frames() == 48000);
    for (std::size_t frame = 1; frame < 480; ++frame) {
        INFO("frame " << frame);
        REQUIRE(out.samples[frame * 2] > out.samples[(frame - 1) * 2]);
        REQUIRE(out.samples[(47999 - frame) * 2] > out.samples[(48000 - frame) * 2]);
    }
    CHECK(out.samples[0] > 0);
    CHECK(out.samples[479 * 2] < 16000);
    CHECK(out.samples[480 * 2] == 16000);
    CHECK(out.samples[(47999 - 480) * 2] == 16000);
    CHECK(out.samples[47999 * 2] > 0);
}

TEST_CASE("Player resumes an item at its start offset, fading in there", "[player]") {
    TemporaryDirectory directory;
    const Pcm16 pcm = noise(48000, 2, 3 * 48000, 21);
    write_wav(directory / "in.wav", pcm);
    ManualClock clock(k_t0);
    Player player(wav_output(directory / "out.wav"), clock);
    PlayItem item{directory / "in.wav"};
    item.start_offset = 1250ms;
    const PlayResult result = player.play(item, k_t0 + 1s, k_nothing);
    CHECK(result.outcome == PlayOutcome::completed);
    CHECK(result.frames_played == 3 * 48000 - 60000);
    CHECK(result.position == 3000ms);

    Pcm16 rest{48000, 2, {pcm.samples.begin() + 60000 * 2, pcm.samples.end()}};
    CHECK(faded_copy(read_wav(directory / "out.wav").samples, rest));

    // Past the end: nothing left to play.
    item.start_offset = 5s;
    CHECK_THROWS_WITH(player.play(item, k_t0 + 10s, k_nothing),
                      Catch::Contains("contains no audio"));
}

TEST_CASE("Player plays followed items gaplessly, the next starting where the last ended",
          "[player]") {
    TemporaryDirectory directory;
    const Pcm16 first = noise(48000, 2, 48000 + 77, 7);
    const Pcm16 second = noise(48000, 2, 24000, 8);
    const Pcm16 third = noise(48000, 2, 3 * 48000, 9);
    write_wav(directory / "first.wav", first);
    write_wav(directory / "second.wav", second);
    write_wav(directory / "third.wav", third);
    SystemClock clock;
    Player player(wav_output(directory / "out.wav"), clock);

    const TimePoint start_at = clock.now() + 500ms;
    PlayItem one{directory / "first.wav"};
    one.followed = true;
    const PlayResult a = player.play(one, start_at, k_nothing);
    CHECK(a.outcome == PlayOutcome::completed);
    CHECK(std::chrono::abs(a.started_at - start_at) < 1ms);
    CHECK(std::chrono::abs(a.ended_at - a.started_at - frames_at_48k(48000 + 77)) <= 1ns);
    CHECK(a.frames_played == 48000 + 77);
    CHECK(a.position == 1001ms);
    CHECK(clock.now() < a.ended_at); // returned while its end is still to play

    PlayItem two{directory / "second.wav"};
    two.followed = true;
    const PlayResult b = player.play(two, a.ended_at, k_nothing);
    CHECK(b.outcome == PlayOutcome::completed);
    CHECK(b.started_at == a.ended_at);
    CHECK(b.ended_at == b.started_at + 500ms);

    const PlayResult c = player.play({directory / "third.wav"}, b.ended_at, k_nothing);
    const TimePoint returned = clock.now();
    CHECK(c.outcome == PlayOutcome::completed);
    CHECK(c.started_at == b.ended_at);
    CHECK(c.ended_at == c.started_at + 3s);
    CHECK(c.underruns == 0);
    CHECK(returned >= c.ended_at); // the last one waits for its tail

    const std::vector<short> out = read_wav(directory / "out.wav").samples;
    REQUIRE(out.size() == first.samples.size() + second.samples.size() + third.samples.size());
    const auto end_one = out.begin() + static_cast<long>(first.samples.size());
    const auto end_two = end_one + static_cast<long>(second.samples.size());
    CHECK(faded_copy({out.begin(), end_one}, first));
    CHECK(faded_copy({end_one, end_two}, second));
    CHECK(faded_copy({end_two, out.end()}, third));
}

TEST_CASE("Player ends a chain before an item that does not continue it", "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "in.wav", noise(48000, 2, 24000, 3));
    ManualClock clock(k_t0);
    Player player({OutputSpec::Kind::null, ""}, clock);
    PlayItem item{directory / "in.wav"};
    item.followed = true;
    const PlayResult a = player.play(item, k_t0 + 1s, k_nothing);
    CHECK(a.outcome == PlayOutcome::completed);
    const TimePoint later = a.ended_at + 5s;
    const PlayResult b = player.play({directory / "in.wav"}, later, k_nothing);
    CHECK(b.outcome == PlayOutcome::completed);
    CHECK(b.started_at == later);
}

TEST_CASE("Player stop() fades out within 250 ms and reports the position", "[player]") {
    TemporaryDirectory directory;
    Pcm16 dc{48000, 1, std::vector<short>(5 * 48000, 16000)};
    write_wav(directory / "dc.wav", dc);
    SystemClock clock;
    Player player(wav_output(directory / "out.wav"), clock);
    std::thread stopper([&] {
        std::this_thread::sleep_for(900ms);
        player.stop();
    });
    PlayItem item{directory / "dc.wav"};
    item.start_offset = 2s;
    const PlayResult result = player.play(item, clock.now() + 300ms, k_nothing);
    stopper.join();

    CHECK(result.outcome == PlayOutcome::interrupted);
    const Pcm16 out = read_wav(directory / "out.wav");
    REQUIRE(static_cast<std::int64_t>(out.frames()) == result.frames_played);
    CHECK(result.position == 2s + std::chrono::milliseconds(result.frames_played / 48));
    // The end: a fade of 250 ms (12000 frames), falling at every sample to near zero.
    REQUIRE(out.frames() > 12000 + 480);
    const std::size_t fade_from = out.frames() - 12000;
    CHECK(out.samples[(fade_from - 1) * 2] == 16000);
    for (std::size_t frame = fade_from + 1; frame < out.frames(); ++frame) {
        INFO("frame " << frame);
        REQUIRE(out.samples[frame * 2] <= out.samples[(frame - 1) * 2]);
    }
    CHECK(out.samples[(out.frames() - 1) * 2] < 16000 / 1000);
}

TEST_CASE("Player waits for a missing sound card, retrying with backoff and saying so",
          "[player]") {
    TemporaryDirectory directory;
    write_wav(directory / "in.wav", noise(48000, 2, 4800));
    std::mutex mutex;
    std::vector<std::string> messages;
    PlayerOptions options;
    options.wait_for_device = true;
    options.on_message = [&](const std::string &message) {
        const std::lock_guard lock(mutex);
        messages.push_back(message);
    };
    SystemClock clock;
    const OutputSpec missing{OutputSpec::Kind::device, "loa-test-no-such-card"};
    CHECK_THROWS_AS(Player(missing, clock), loa::Error); // without the option: fatal

    Player player(missing, clock, options);
    CHECK(player.device_name() == "loa-test-no-such-card");
    CHECK(player.rate() == 0);
    // The first attempt failed at once; the next after 1 s, the one after that 2 s later.
    const auto began = std::chrono::steady_clock::now();
    auto second_at = began;
    for (bool two = false; !two && std::chrono::steady_clock::now() - began < 10s;) {
        std::this_thread::sleep_for(10ms);
        const std::lock_guard lock(mutex);
        two = messages.size() >= 2;
        second_at = std::chrono::steady_clock::now();
    }
    CHECK(second_at - began >= 900ms);
    {
        const std::lock_guard lock(mutex);
        REQUIRE(messages.size() == 2);
        CHECK_THAT(messages[0], Catch::Contains("loa-test-no-such-card") &&
                                    Catch::Contains("trying the sound device again in 1 s"));
        CHECK_THAT(messages[1], Catch::Contains("trying the sound device again in 2 s"));
    }
    // A play while it is missing fails at once with the reason, nothing started.
    bool called = false;
    const PlayResult result =
        player.play({directory / "in.wav"}, clock.now() + 1s, [&] { called = true; });
    CHECK(result.outcome == PlayOutcome::failed);
    CHECK_THAT(result.error, Catch::Contains("loa-test-no-such-card"));
    CHECK_FALSE(called);
}

TEST_CASE("Player says its messages with no lock held: the callback may ask it about the device",
          "[player]") {
    // The callback asks from another thread and waits at most 10 s: a player that still
    // held its mutex while saying the message would leave that question unanswered
    // until the callback returned (and the same thread asking would deadlock).
    std::mutex mutex;
    std::vector<std::string> answers;
    std::atomic<Player *> player_seen{nullptr};
    PlayerOptions options;
    options.wait_for_device = true;
    options.on_message = [&](const std::string &) {
        Player *const player = player_seen.load();
        if (!player)
            return; // said in the constructor, before anyone can ask
        auto answer =
            std::async(std::launch::async, [player] { return player->device_available(); });
        const bool answered = answer.wait_for(10s) == std::future_status::ready;
        const std::lock_guard lock(mutex);
        answers.push_back(!answered ? "no answer" : answer.get() ? "available" : "missing");
    };
    SystemClock clock;
    Player player({OutputSpec::Kind::device, "loa-test-no-such-card"}, clock, options);
    player_seen.store(&player);
    // The housekeeper's retry after 1 s says it failed again.
    const auto began = std::chrono::steady_clock::now();
    for (bool said = false; !said && std::chrono::steady_clock::now() - began < 30s;) {
        std::this_thread::sleep_for(10ms);
        const std::lock_guard lock(mutex);
        said = !answers.empty();
    }
    player_seen.store(nullptr);
    const std::lock_guard lock(mutex);
    REQUIRE(!answers.empty());
    CHECK(answers.front() == "missing");
}
