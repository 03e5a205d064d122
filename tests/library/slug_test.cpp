#include "library/slug.hpp"

#include <catch2/catch.hpp>

using loa::library::is_valid_id;
using loa::library::slugify;
using loa::library::why_not_an_id;

TEST_CASE("Vietnamese file names fold to ASCII slugs") {
    CHECK(slugify("Lừa đảo qua mạng") == "lua-dao-qua-mang");
    CHECK(slugify("ĐÀI TRUYỀN THANH xã Vĩnh Hòa Hưng Bắc") ==
          "dai-truyen-thanh-xa-vinh-hoa-hung-bac");
    CHECK(slugify("  Bản tin   số 01 (sáng) ") == "ban-tin-so-01-sang");
    CHECK(slugify("Cảnh báo_thủ đoạn—mới") == "canh-bao-thu-doan-moi");
}

TEST_CASE("ids are lowercase ASCII slugs") {
    CHECK(is_valid_id("lua-dao-01"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("-x"));
    CHECK_FALSE(is_valid_id("Lua"));
    CHECK_FALSE(is_valid_id("lừa"));
    CHECK_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST_CASE("a refused id names the rule and does not echo a long id back") {
    const std::string long_id(10'000, 'a');
    const std::string message = why_not_an_id(long_id);
    CHECK(message == "'" + std::string(40, 'a') +
                         "…' (10000 characters) is too long for an announcement id, which has at "
                         "most 64: shorten it, e.g. lua-dao-01");
    CHECK(message.size() < 200);
    CHECK(why_not_an_id("Bad Id") ==
          "'Bad Id' cannot be an announcement id: use lowercase letters, digits and '-', e.g. "
          "lua-dao-01");
    CHECK(why_not_an_id("") == "an announcement id cannot be empty: use lowercase letters, digits "
                               "and '-', e.g. lua-dao-01");
    // Cut at a letter, not inside one: "ừ" is three bytes.
    std::string vietnamese;
    for (int i = 0; i < 30; ++i)
        vietnamese += "ừ";
    const std::string cut = why_not_an_id(vietnamese);
    CHECK(cut.starts_with("'ừừừừừừừừừừừừừ…' cannot be an announcement id"));
}
