// The console's accounts in a real station database: argon2id hashes, the name and
// password rules, and the record of who changed what.
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "station/home.hpp"
#include "station/users.hpp"

#include <catch2/catch.hpp>

using loa::station::Role;

namespace {

struct Station {
    loa::test::TempDir dir;
    loa::station::Home home{dir / "station"};
    std::unique_ptr<loa::sqlite::Database> db;
    Station() {
        loa::station::StationConfig config;
        config.code = "U-01";
        home.initialise(config);
        db = home.open_database();
    }
};

const std::string at = "2020-07-20T06:00:00.000+07:00";

} // namespace

TEST_CASE("a user's password is kept only as an argon2id hash and checked against it") {
    Station s;
    loa::station::UserStore users(*s.db);
    users.add("nguyen.van.a", Role::operator_, "mật khẩu tốt", at);
    loa::sqlite::Statement select(*s.db, "SELECT password_hash FROM users");
    REQUIRE(select.step());
    const std::string hash = select.column_text(0);
    select.reset();
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("mật khẩu") == std::string::npos);

    const auto user = users.check("nguyen.van.a", "mật khẩu tốt");
    REQUIRE(user);
    CHECK(user->role == Role::operator_);
    CHECK_FALSE(users.check("nguyen.van.a", "mật khẩu tồi"));
    CHECK_FALSE(users.check("nobody", "mật khẩu tốt"));

    users.set_password("nguyen.van.a", "một mật khẩu mới", "2020-07-21T06:00:00.000+07:00");
    CHECK_FALSE(users.check("nguyen.van.a", "mật khẩu tốt"));
    CHECK(users.check("nguyen.van.a", "một mật khẩu mới"));
    CHECK(users.list().front().password_changed_at == "2020-07-21T06:00:00.000+07:00");
    CHECK(users.list().front().created_at == at);
}

TEST_CASE("user names and passwords the rules refuse, and unknown or existing users") {
    Station s;
    loa::station::UserStore users(*s.db);
    users.add("thanh.tra", Role::viewer, "12345678", at);
    const std::vector<std::string> refused{
        "", "Nguyen", "an toàn", "-x", ".x", "a/b", std::string(33, 'a'), std::string("a\0b", 3)};
    for (const auto &name : refused)
        CHECK_THROWS_AS(users.add(name, Role::viewer, "12345678", at), loa::InputError);
    CHECK_THROWS_WITH(users.add("b", Role::viewer, "1234567", at), Catch::Contains("at least 8"));
    // Eight characters, not eight bytes: Vietnamese letters are two or three bytes each.
    CHECK_THROWS_AS(users.add("b", Role::viewer, "mật khẩ", at), loa::InputError);
    CHECK_NOTHROW(users.add("c", Role::viewer, "mật khẩu", at));
    CHECK_THROWS_WITH(users.add("d", Role::viewer, std::string(257, 'x'), at),
                      Catch::Contains("at most 256"));
    CHECK_THROWS_WITH(users.add("thanh.tra", Role::operator_, "12345678", at),
                      Catch::Contains("exists already"));
    CHECK_THROWS_WITH(users.set_password("nobody", "12345678", at),
                      Catch::Contains("loa user list"));
    CHECK_THROWS_AS(users.remove("nobody"), loa::InputError);
    users.remove("thanh.tra");
    CHECK_FALSE(users.check("thanh.tra", "12345678"));
    REQUIRE(users.list().size() == 1);
    CHECK(users.list().front().name == "c");
}

TEST_CASE("the station keeps who changed what, newest first") {
    Station s;
    loa::station::ActionLog actions(*s.db);
    actions.record({at, "root", "local", "user.add", "thanh.tra (viewer)"});
    actions.record({"2020-07-20T07:00:00.000+07:00", "an", "192.0.2.7", "login", ""});
    const auto recent = actions.recent(10);
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].action == "login");
    CHECK(recent[0].address == "192.0.2.7");
    CHECK(recent[1].detail == "thanh.tra (viewer)");
    CHECK(actions.recent(1).size() == 1);
}
