#include "playout/ring_buffer.hpp"

#include <catch2/catch.hpp>

#include <numeric>
#include <thread>
#include <vector>

using loa::playout::RingBuffer;

TEST_CASE("RingBuffer keeps frames in order across the wrap", "[ring_buffer]") {
    RingBuffer ring(5, 2);
    std::vector<float> data(8 * 2);
    std::iota(data.begin(), data.end(), 0.0f);

    REQUIRE(ring.write(data.data(), 3) == 3);
    std::vector<float> out(10, -1.0f);
    REQUIRE(ring.read(out.data(), 2) == 2);
    CHECK(out[0] == 0.0f);
    CHECK(out[3] == 3.0f);

    // Three frames from position 3 wrap around the end of the storage.
    REQUIRE(ring.write(data.data() + 6, 4) == 4);
    CHECK(ring.readable_frames() == 5);
    CHECK(ring.writable_frames() == 0);
    CHECK(ring.write(data.data(), 1) == 0);

    REQUIRE(ring.read(out.data(), 5) == 5);
    const std::vector<float> expected{4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    CHECK(out == expected);
    CHECK(ring.read(out.data(), 1) == 0);
}

TEST_CASE("RingBuffer clear drops what is readable", "[ring_buffer]") {
    RingBuffer ring(4, 1);
    const float data[3] = {1, 2, 3};
    ring.write(data, 3);
    ring.clear();
    CHECK(ring.readable_frames() == 0);
    CHECK(ring.writable_frames() == 4);
    float out[4] = {};
    ring.write(data, 2);
    REQUIRE(ring.read(out, 4) == 2);
    CHECK(out[1] == 2.0f);
}

TEST_CASE("RingBuffer carries a stream between two threads intact", "[ring_buffer]") {
    constexpr std::size_t total = 200'000;
    RingBuffer ring(257, 2);
    std::thread producer([&] {
        std::vector<float> block(2 * 61);
        std::size_t next = 0;
        while (next < total) {
            const std::size_t frames = std::min<std::size_t>(61, total - next);
            for (std::size_t i = 0; i < frames; ++i)
                block[2 * i] = block[2 * i + 1] = static_cast<float>(next + i);
            std::size_t done = 0;
            while (done < frames)
                done += ring.write(block.data() + 2 * done, frames - done);
            next += frames;
        }
    });
    std::vector<float> out(2 * 97);
    std::size_t expected = 0;
    bool in_order = true;
    while (expected < total) {
        const std::size_t got = ring.read(out.data(), 97);
        for (std::size_t i = 0; i < got; ++i, ++expected)
            in_order = in_order && out[2 * i] == static_cast<float>(expected) &&
                       out[2 * i + 1] == static_cast<float>(expected);
        if (got == 0)
            std::this_thread::yield();
    }
    producer.join();
    CHECK(in_order);
}
