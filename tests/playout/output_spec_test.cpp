#include "playout/output_spec.hpp"

#include "core/error.hpp"

#include <catch2/catch.hpp>

using loa::UsageError;
using namespace loa::playout;
using Kind = OutputSpec::Kind;

TEST_CASE("parse_output_spec reads each form", "[output_spec]") {
    const OutputSpec device = parse_output_spec("device");
    CHECK(device.kind == Kind::device);
    CHECK(device.target == "default");

    const OutputSpec named = parse_output_spec("device:USB Audio: hw:1,0");
    CHECK(named.kind == Kind::device);
    CHECK(named.target == "USB Audio: hw:1,0");

    CHECK(parse_output_spec("device:3").target == "3");

    const OutputSpec wav = parse_output_spec("wav:/tmp/out put.wav");
    CHECK(wav.kind == Kind::wav);
    CHECK(wav.target == "/tmp/out put.wav");

    const OutputSpec null = parse_output_spec("null");
    CHECK(null.kind == Kind::null);
    CHECK(null.target.empty());
}

TEST_CASE("parse_output_spec refuses what it cannot use", "[output_spec]") {
    for (const char *text :
         {"", "speaker", "device:", "wav", "wav:", "null:x", "Device:x", "pulse"})
        CHECK_THROWS_AS(parse_output_spec(text), UsageError);
    CHECK_THROWS_WITH(parse_output_spec("speaker"),
                      Catch::Contains("speaker") && Catch::Contains("device:NAME") &&
                          Catch::Contains("wav:PATH") && Catch::Contains("null"));
}

TEST_CASE("to_string writes an OutputSpec back as typed", "[output_spec]") {
    for (const char *text : {"device:default", "device:USB", "wav:/tmp/a.wav", "null"})
        CHECK(to_string(parse_output_spec(text)) == text);
}
