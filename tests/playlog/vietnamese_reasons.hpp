#pragma once
// Vietnamese for a test: po/vi.po compiled by msgfmt (package gettext)
// into a temporary catalogue that i18n::init() reads through LOA_LOCALEDIR, and the
// words of the reason catalogue's English patterns, to look for in what is shown.
#include "common/temp_dir.hpp"
#include "core/i18n.hpp"
#include "playlog/reason_text.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace loa::test {

/// While it lives, messages are looked up in Vietnamese; English again afterwards.
class Vietnamese {
public:
    Vietnamese() {
        const auto folder = m_dir / "vi" / "LC_MESSAGES";
        std::filesystem::create_directories(folder);
        const std::string command =
            "msgfmt -o '" + (folder / "loa.mo").string() + "' '" + LOA_SOURCE_DIR + "/po/vi.po'";
        REQUIRE(std::system(command.c_str()) == 0); // apt-get install gettext
        setenv("LOA_LOCALEDIR", m_dir.path().c_str(), 1);
        i18n::init();
        i18n::set_language("vi");
    }
    ~Vietnamese() {
        i18n::set_language("en");
        unsetenv("LOA_LOCALEDIR");
    }
    Vietnamese(const Vietnamese &) = delete;
    Vietnamese &operator=(const Vietnamese &) = delete;

private:
    TempDir m_dir;
};

/// The English words of every reason pattern, the technical names a translation
/// keeps (station.toml, on_interrupt, loa import, dBFS) left out.
inline std::set<std::string> english_reason_words() {
    const std::set<std::string> kept{"loa", "import", "dBFS", "min", "s"};
    std::set<std::string> words;
    auto take = [&](std::string word) {
        if (word.size() >= 2 && word.find_first_of("_.") == std::string::npos && !kept.count(word))
            words.insert(word);
    };
    for (const auto &entry : playlog::reason_catalogue()) {
        std::string word;
        for (const char c : std::string(entry.pattern) + " ") {
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.') {
                word.push_back(c);
            } else {
                take(word);
                word.clear();
            }
        }
    }
    return words;
}

/// The first English word of the reason catalogue that `text` holds as a word, if any.
inline std::string english_word_in(const std::string &text) {
    for (const auto &word : english_reason_words()) {
        for (std::size_t at = text.find(word); at != std::string::npos;
             at = text.find(word, at + 1)) {
            const auto before = at == 0 ? ' ' : text[at - 1];
            const auto after = at + word.size() < text.size() ? text[at + word.size()] : ' ';
            const auto letter = [](char c) {
                return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
                       c == '-' || (static_cast<unsigned char>(c) & 0x80);
            };
            if (!letter(before) && !letter(after))
                return word;
        }
    }
    return "";
}

/// Sample parameters of `e`, machine form.
inline std::vector<std::pair<std::string, std::string>>
sample_params(const loa::playlog::ReasonEntry &e) {
    std::vector<std::pair<std::string, std::string>> params;
    for (const auto name : e.params) {
        if (name == "cause") {
            params.emplace_back("cause", "gap.clock_forward");
            params.emplace_back("from", "2020-07-20T05:50:00.000+07:00");
            params.emplace_back("to", "2020-07-20T06:40:00.000+07:00");
        } else {
            const std::string key(name);
            params.emplace_back(key, key == "late_s"         ? "1800"
                                     : key == "allowed_s"    ? "600"
                                     : key == "later"        ? "2020-07-20 18:00"
                                     : key == "peak_dbfs"    ? "-72"
                                     : key == "announcement" ? "lua-dao"
                                                             : "2020-07-20T06:00:00.000+07:00");
        }
    }
    return params;
}

/// One sample reason of every code in the catalogue.
inline std::vector<playlog::Reason> every_reason() {
    std::vector<playlog::Reason> all;
    for (const auto &entry : loa::playlog::reason_catalogue())
        all.emplace_back(std::string(entry.code), sample_params(entry));
    return all;
}

} // namespace loa::test
