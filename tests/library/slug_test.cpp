#include "library/slug.hpp"

#include <catch2/catch.hpp>

using loa::library::is_valid_id;
using loa::library::slugify;

TEST_CASE("Vietnamese file names fold to ASCII slugs") {
    CHECK(slugify("Lừa đảo qua mạng") == "lua-dao-qua-mang");
    CHECK(slugify("ĐÀI TRUYỀN THANH xã Vĩnh Hòa Hưng Bắc") == "dai-truyen-thanh-xa-vinh-hoa-hung-bac");
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
