#include "core/i18n.hpp"

#include <clocale>
#include <cstdlib>
#include <libintl.h>
#include <utility>

#ifndef LOA_LOCALEDIR
#define LOA_LOCALEDIR "/usr/share/locale"
#endif

namespace loa::i18n {

namespace {
constexpr const char *domain = "loa";
thread_local bool in_english = false; ///< This thread is inside an InEnglish scope.
} // namespace

LanguageScope::LanguageScope(bool english) : m_was(std::exchange(in_english, english)) {}
LanguageScope::~LanguageScope() {
    in_english = m_was;
}

void init() {
    std::setlocale(LC_ALL, "");
    // Numbers and dates in messages are formatted by loa itself, never by the C locale.
    std::setlocale(LC_NUMERIC, "C");
    const char *dir = std::getenv("LOA_LOCALEDIR");
    bindtextdomain(domain, dir && *dir ? dir : LOA_LOCALEDIR);
    bind_textdomain_codeset(domain, "UTF-8");
    textdomain(domain);
}

void set_language(std::string_view language) {
    // LANGUAGE outranks LC_MESSAGES in GNU gettext, but is ignored in the "C" locale;
    // C.UTF-8 keeps UTF-8 output when the environment had no locale at all.
    if (language.empty()) {
        unsetenv("LANGUAGE");
    } else {
        setenv("LANGUAGE", std::string(language).c_str(), 1);
        if (const char *messages = std::setlocale(LC_MESSAGES, nullptr);
            messages &&
            (std::string_view(messages) == "C" || std::string_view(messages) == "POSIX"))
            std::setlocale(LC_MESSAGES, "C.UTF-8");
    }
    // Tells gettext its cache of lookups is stale.
    textdomain(domain);
}

const char *translate(const char *message) {
    return in_english ? message : dgettext(domain, message);
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> arguments) {
    std::string out;
    out.reserve(pattern.size() + 16 * arguments.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '{') {
            std::size_t end = i + 1, number = 0;
            while (end < pattern.size() && pattern[end] >= '0' && pattern[end] <= '9' &&
                   end - i < 4)
                number = number * 10 + static_cast<std::size_t>(pattern[end++] - '0');
            if (end < pattern.size() && pattern[end] == '}' && end > i + 1 && number >= 1 &&
                number <= arguments.size()) {
                out += *(arguments.begin() + (number - 1));
                i = end;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace loa::i18n
