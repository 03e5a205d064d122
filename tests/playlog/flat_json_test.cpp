#include "playlog/flat_json.hpp"

#include <catch2/catch.hpp>

using loa::playlog::parse_flat_json;

TEST_CASE("flat JSON objects read back what the canonical encoding wrote") {
    const auto object = parse_flat_json(
        R"({"a":"L\u1eeba \"\u0111\u1ea3o\"\n","b":-12,"c":null,"d":true,"e":"😀 \ud83d\ude00"})");
    REQUIRE(object);
    REQUIRE(object->size() == 5);
    CHECK((*object)[0].second == "Lừa \"đảo\"\n");
    CHECK((*object)[1].second == "-12");
    CHECK_FALSE((*object)[2].second);
    CHECK((*object)[3].second == "true");
    CHECK((*object)[4].second == "😀 😀");
    CHECK(*loa::playlog::find_member(*object, "b") == "-12");
}

TEST_CASE("anything but a flat object is refused") {
    CHECK_FALSE(parse_flat_json(R"({"a":{"b":1}})"));
    CHECK_FALSE(parse_flat_json(R"({"a":[1]})"));
    CHECK_FALSE(parse_flat_json(R"({"a":1} x)"));
    CHECK_FALSE(parse_flat_json(R"({"a":"\q"})"));
    CHECK_FALSE(parse_flat_json(R"({"a":"\ud83d"})"));
    CHECK_FALSE(parse_flat_json("{\"a\":\"tab\there\"}"));
    CHECK(parse_flat_json("{}"));
}
