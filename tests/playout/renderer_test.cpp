#include "playout/renderer.hpp"

#include <catch2/catch.hpp>

#include <vector>

using loa::playout::Renderer;
using loa::Wakeup;
using State = Renderer::State;

namespace {

constexpr unsigned k_rate = 48000;
constexpr std::size_t k_buffer = 256;

/// A renderer with `frames` frames queued whose left/right samples are 1, 2, 3, ...
struct Fixture {
    explicit Fixture(std::size_t frames, std::size_t latency_frames = 0, bool ended = true)
        : renderer({k_rate, 2, 4800, 480, latency_frames}, wakeup) {
        renderer.reset();
        std::vector<float> data(frames * 2);
        for (std::size_t i = 0; i < frames; ++i)
            data[2 * i] = data[2 * i + 1] = static_cast<float>(i + 1);
        renderer.ring().write(data.data(), frames);
        if (ended)
            renderer.end_input();
    }
    Renderer::Span render(double dac_time) {
        return renderer.render(out.data(), k_buffer, dac_time);
    }
    std::shared_ptr<Wakeup> wakeup = std::make_shared<Wakeup>();
    Renderer renderer;
    std::vector<float> out = std::vector<float>(k_buffer * 2, -1.0f);
};

double frames_to_seconds(double frames) {
    return frames / k_rate;
}

} // namespace

TEST_CASE("Renderer plays silence when idle", "[renderer]") {
    Fixture f(100);
    const Renderer::Span span = f.render(1.0);
    CHECK(span.frames == 0);
    CHECK(f.out == std::vector<float>(k_buffer * 2, 0.0f));
    CHECK(f.renderer.state() == State::idle);
}

TEST_CASE("Renderer places the first sample at the frame of the instant", "[renderer]") {
    Fixture f(1000);
    const double dac_time = 10.0;
    f.renderer.arm(dac_time + frames_to_seconds(100));
    const Renderer::Span span = f.render(dac_time);

    CHECK(span.first_frame == 100);
    CHECK(span.frames == k_buffer - 100);
    CHECK(f.out[2 * 99] == 0.0f);
    CHECK(f.out[2 * 99 + 1] == 0.0f);
    CHECK(f.out[2 * 100] == 1.0f);
    CHECK(f.out[2 * 100 + 1] == 1.0f);
    CHECK(f.out[2 * 255] == 156.0f);
    const Renderer::Progress progress = f.renderer.progress();
    CHECK(progress.started);
    CHECK(progress.first_frame_time == Approx(dac_time + frames_to_seconds(100)).epsilon(1e-15));
    CHECK(progress.frames_played == 156);
    CHECK(f.renderer.state() == State::playing);
}

TEST_CASE("Renderer waits for the buffer that covers the instant", "[renderer]") {
    Fixture f(1000);
    f.renderer.arm(5.0 + frames_to_seconds(300));
    CHECK(f.render(5.0).frames == 0);
    CHECK_FALSE(f.renderer.progress().started);
    CHECK(f.out == std::vector<float>(k_buffer * 2, 0.0f));

    const Renderer::Span span = f.render(5.0 + frames_to_seconds(256));
    CHECK(span.first_frame == 44);
    CHECK(f.out[2 * 44] == 1.0f);
    CHECK(f.renderer.progress().first_frame_time ==
          Approx(5.0 + frames_to_seconds(300)).epsilon(1e-15));
}

TEST_CASE("Renderer starts a past instant at once, its lateness measurable", "[renderer]") {
    Fixture f(1000);
    f.renderer.arm(2.5);
    const Renderer::Span span = f.render(3.0);
    CHECK(span.first_frame == 0);
    CHECK(f.out[0] == 1.0f);
    const double lateness = f.renderer.progress().first_frame_time - 2.5;
    CHECK(lateness == Approx(0.5));
}

TEST_CASE("Renderer start_now overrides the armed instant", "[renderer]") {
    Fixture f(1000);
    f.renderer.arm(1000.0);
    f.renderer.start_now();
    CHECK(f.render(3.0).first_frame == 0);
    CHECK(f.out[0] == 1.0f);
}

TEST_CASE("Renderer pads an underrun with silence and counts it", "[renderer]") {
    Fixture f(100, 0, false);
    f.renderer.arm(0.0);
    const Renderer::Span span = f.render(1.0);
    CHECK(span.frames == k_buffer);
    CHECK_FALSE(span.item_ended);
    CHECK(f.out[2 * 99] == 100.0f);
    CHECK(f.out[2 * 100] == 0.0f);
    const Renderer::Progress progress = f.renderer.progress();
    CHECK(progress.underruns == 1);
    CHECK(progress.frames_played == 100);
    CHECK(progress.span_frames == static_cast<std::int64_t>(k_buffer));
    CHECK(f.renderer.starved(k_buffer));
}

TEST_CASE("Renderer ends the item, then plays out latency and a period", "[renderer]") {
    Fixture f(300, 512);
    f.renderer.arm(0.0);
    CHECK_FALSE(f.render(1.0).item_ended);
    const Renderer::Span last = f.render(1.0 + frames_to_seconds(256));
    CHECK(last.item_ended);
    CHECK(last.frames == 44);
    CHECK(f.out[2 * 43] == 300.0f);
    CHECK(f.out[2 * 44] == 0.0f);
    CHECK(f.renderer.state() == State::tail);

    // 212 frames of silence so far; finished once latency (512) + a buffer (256) are out.
    int renders = 0;
    while (f.renderer.state() == State::tail) {
        f.render(0.0);
        ++renders;
    }
    CHECK(renders == 3); // 468, 724, 980 frames of silence
    CHECK(f.renderer.state() == State::finished);
    const Renderer::Progress progress = f.renderer.progress();
    CHECK(progress.frames_played == 300);
    CHECK(progress.span_frames == 300);
    CHECK(progress.underruns == 0);
    CHECK_FALSE(progress.stopped);
    CHECK(f.wakeup->wait_for(std::chrono::nanoseconds(0)));
}

TEST_CASE("Renderer stopped before the instant plays nothing", "[renderer]") {
    Fixture f(1000);
    f.renderer.arm(100.0);
    f.renderer.request_stop();
    CHECK(f.render(1.0).frames == 0);
    CHECK(f.renderer.state() == State::finished);
    CHECK(f.renderer.progress().stopped);
    CHECK_FALSE(f.renderer.progress().started);
}

TEST_CASE("Renderer stopped mid-item fades out and ends", "[renderer]") {
    Fixture f(2000);
    f.renderer.arm(0.0);
    f.render(1.0);
    f.renderer.request_stop();
    const Renderer::Span fading = f.render(2.0);
    CHECK(fading.frames == k_buffer);
    CHECK(f.out[0] == Approx(257.0f)); // gain 480/480
    CHECK(f.out[2 * 255] < 512.0f * 0.5f + 1.0f);
    const Renderer::Span last = f.render(3.0);
    CHECK(last.item_ended);
    CHECK(last.frames == 480 - 256);
    CHECK(f.renderer.state() == State::tail);
    const Renderer::Progress progress = f.renderer.progress();
    CHECK(progress.stopped);
    CHECK(progress.frames_played == 256 + 480);
    f.render(4.0);
    CHECK(f.renderer.state() == State::finished);
}

TEST_CASE("Renderer reset makes it ready for the next item", "[renderer]") {
    Fixture f(10);
    f.renderer.arm(0.0);
    while (f.renderer.state() != State::finished)
        f.render(0.0);
    f.renderer.reset();
    CHECK(f.renderer.state() == State::idle);
    CHECK(f.renderer.ring().readable_frames() == 0);
    CHECK(f.renderer.progress().frames_played == 0);
    CHECK_FALSE(f.renderer.progress().started);
}
