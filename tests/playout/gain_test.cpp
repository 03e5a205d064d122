#include "playout/gain.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace loa::playout;

TEST_CASE("linear_gain is exactly 1 at 0 dB", "[gain]") {
    CHECK(linear_gain(0.0) == 1.0f);
    CHECK(linear_gain(-6.020599913) == Approx(0.5f));
    CHECK(linear_gain(20.0) == Approx(10.0f));
}

TEST_CASE("apply_gain scales, and leaves samples alone at 1", "[gain]") {
    std::vector<float> samples{0.5f, -0.25f, 0.1f};
    apply_gain(samples, 1.0f);
    CHECK(samples == std::vector<float>{0.5f, -0.25f, 0.1f});
    apply_gain(samples, 0.5f);
    CHECK(samples == std::vector<float>{0.25f, -0.125f, 0.05f});
}
