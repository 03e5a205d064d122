#include "core/json_value.hpp"

#include <catch2/catch.hpp>

using loa::json::Value;

TEST_CASE("json: nested objects and arrays keep their members") {
    const auto value = Value::parse(R"( {"a":[1,{"b":"x"},null],"c":true,"d":-12,"e":1.5e3} )");
    REQUIRE(value);
    REQUIRE(value->kind() == Value::Kind::object);
    const auto &a = value->member("a")->elements();
    REQUIRE(a.size() == 3);
    CHECK(a[0].integer() == 1);
    CHECK(*a[1].member("b")->string() == "x");
    CHECK(a[2].is_null());
    CHECK(value->member("c")->boolean() == true);
    CHECK(value->member("d")->integer() == -12);
    CHECK(value->member("e")->kind() == Value::Kind::number);
    CHECK_FALSE(value->member("e")->integer()); // not an integer
    CHECK(value->member("missing") == nullptr);
}

TEST_CASE("json: escapes become UTF-8") {
    const auto value = Value::parse(R"("Đài \u0111\u00e0i \ud83d\udce2 \"q\" \\ \/ \n\t")");
    REQUIRE(value);
    CHECK(*value->string() == "Đài đài \xF0\x9F\x93\xA2 \"q\" \\ / \n\t");
}

TEST_CASE("json: what is not JSON is refused") {
    for (const char *text :
         {"", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "{a:1}", "\"open", "01", "-", "1.", "tru",
          "{\"a\":1} x", "\"\\x\"", "\"\\ud800\"", "\"tab\there\"", "nul"}) {
        INFO(text);
        CHECK_FALSE(Value::parse(text));
    }
}

TEST_CASE("json: nesting deeper than 32 levels is refused, not a stack overflow") {
    CHECK(Value::parse(std::string(32, '[') + std::string(32, ']')));
    CHECK_FALSE(Value::parse(std::string(33, '[') + std::string(33, ']')));
    CHECK_FALSE(Value::parse(std::string(100000, '[')));
}
