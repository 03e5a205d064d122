// The command line's parser, by table: what each kind of word becomes or why it is
// refused; and the command table itself (no command without a body, no option twice).
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <set>

namespace {

using loa::cli::Arguments;

const std::vector<loa::cli::OptionSpec> options{
    loa::cli::required(loa::cli::date("--from", "first day")),
    loa::cli::count("--days", 1, 366, "how many"),
    loa::cli::choice("--format", "text|csv|html|xlsx", "format"),
    loa::cli::aliased(loa::cli::text("--output", "FILE", "where"), "-o"),
    loa::cli::flag("--json", "json"),
};
const loa::cli::PositionalSpec one_file{"FILE", 1, 1};

Arguments parse(const std::vector<std::string> &words) {
    return Arguments("test", options, one_file, words);
}

} // namespace

TEST_CASE("words the table names are parsed, in both spellings") {
    const auto args =
        parse({"f.toml", "--from", "2020-07-01", "--days=7", "-o", "out.csv", "--json"});
    CHECK(args.positionals() == std::vector<std::string>{"f.toml"});
    CHECK(args.option("--from") == "2020-07-01");
    CHECK(args.count("--days") == 7);
    CHECK(args.option("--output") == "out.csv");
    CHECK(args.option("-o") == "out.csv");
    CHECK(args.flag("--json"));
    CHECK_FALSE(args.option("--format"));
}

TEST_CASE("a double dash ends the options, so an id may start with a dash") {
    const auto args = parse({"--from", "2020-07-01", "--", "-la-dau"});
    CHECK(args.positionals() == std::vector<std::string>{"-la-dau"});
}

TEST_CASE("help asked anywhere skips every other check") {
    CHECK(parse({"--bogus", "--help"}).help());
    CHECK(parse({"-h"}).help());
    CHECK_FALSE(parse({"--from", "2020-07-01", "--", "--help"}).help());
}

TEST_CASE("every wrong word is a usage error naming it") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> refused{
        {{"f", "--from", "2020-07-01", "--bogus"}, "unknown option --bogus"},
        {{"f", "--from", "2020-07-01", "--days", "abc"},
         "--days must be a whole number from 1 to 366, not 'abc'"},
        {{"f", "--from", "2020-07-01", "--days", "1x"}, "not '1x'"},
        {{"f", "--from", "2020-07-01", "--days", "0"}, "not '0'"},
        {{"f", "--from", "2020-07-01", "--days", "367"}, "not '367'"},
        {{"f", "--from", "2020-07-01", "--days", " 7"}, "not ' 7'"},
        {{"f", "--from", "2020-07-01", "--days", "99999999999"}, "not '99999999999'"},
        {{"f", "--from", "2020-07-01", "--days="}, "not ''"},
        {{"f", "--from", "2020-02-30"}, "2020-02-30"},
        {{"f", "--from", "20200701"}, "20200701"},
        {{"f", "--from", "2020-07-01", "--format", "pdf"},
         "--format must be one of text, csv, html, xlsx, not 'pdf'"},
        {{"f", "--from", "2020-07-01", "--json=1"}, "--json takes no value"},
        {{"f", "--from"}, "--from needs a value"},
        {{"f"}, "--from DATE is required"},
        {{"--from", "2020-07-01"}, "expected FILE"},
        {{"f", "g", "--from", "2020-07-01"}, "not 'g'"},
    };
    for (const auto &[words, message] : refused) {
        INFO(words.back());
        CHECK_THROWS_AS(parse(words), loa::UsageError);
        CHECK_THROWS_WITH(parse(words), Catch::Contains(message));
    }
}

TEST_CASE("a command cannot read an option its table lacks") {
    const auto args = parse({"f", "--from", "2020-07-01"});
    CHECK_THROWS_AS(args.option("--status"), std::logic_error);
}

TEST_CASE("the command table: every command runs or has subcommands, no option twice") {
    std::set<std::string_view> names;
    const auto check = [](const loa::cli::Command &command) {
        INFO(command.name);
        CHECK(static_cast<bool>(command.run));
        CHECK(command.positionals.min <= command.positionals.max);
        std::set<std::string_view> seen;
        for (const auto &option : command.options) {
            CHECK(seen.insert(option.name).second);
            if (!option.alias.empty())
                CHECK(seen.insert(option.alias).second);
            CHECK_FALSE(option.help.empty());
            if (option.kind == loa::cli::ValueKind::choice)
                CHECK(loa::cli::choices_of(option).size() >= 2);
            if (option.kind == loa::cli::ValueKind::count)
                CHECK(option.min <= option.max);
        }
    };
    for (const auto &command : loa::cli::commands()) {
        CHECK(names.insert(command.name).second);
        if (command.subcommands.empty())
            check(command);
        for (const auto &sub : command.subcommands)
            check(sub);
    }
}
