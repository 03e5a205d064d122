#include "core/i18n.hpp"

#include <catch2/catch.hpp>

using loa::i18n::format;

TEST_CASE("i18n: numbered places take their arguments in any order", "[i18n]") {
    CHECK(format("{1} is {2} ms late", "chuong", "250") == "chuong is 250 ms late");
    CHECK(format("{2} trễ, bản tin {1}", "chuong", "250") == "250 trễ, bản tin chuong");
    CHECK(format("{1}{1}", std::string("a")) == "aa");
}

TEST_CASE("i18n: a bad place stays visible instead of crashing", "[i18n]") {
    CHECK(format("{3} and {0} and {x} and {", "a") == "{3} and {0} and {x} and {");
    CHECK(format("{{1}} is literal", "a") == "{1}} is literal");
    CHECK(format("{99999999999} end", "a") == "{99999999999} end");
}

TEST_CASE("i18n: a message without a translation is itself", "[i18n]") {
    loa::i18n::init();
    CHECK(std::string(_("no such message in any catalogue")) == "no such message in any catalogue");
}
