#pragma once
// The language of what people read. Messages are marked in the source with `_()` (a
// message looked up now) or `N_()` (marked for extraction, looked up later with
// `translate`), extracted into po/loa.pot by the `pot` target, and translated in
// po/vi.po. GNU gettext picks the catalogue from LANGUAGE / LC_ALL / LC_MESSAGES / LANG;
// `set_language` overrides that for what the player writes (station.toml's `language`).
//
// Arguments enter a message through numbered places, so a translation may put them in
// another order: format(_("{1} is {2} ms late"), id, lateness) → "{1} trễ {2} ms".
// Nothing here runs on the real-time thread.
#include <initializer_list>
#include <string>
#include <string_view>

namespace loa::i18n {

/// Binds loa's catalogue (LOA_LOCALEDIR, or $LOA_LOCALEDIR when set, for the build
/// tree) and follows the environment's locale. Call once, first thing in main.
void init();

/// Makes `language` ("vi", "en") the language of messages from now on, whatever the
/// environment says. An empty string goes back to the environment's choice.
void set_language(std::string_view language);

/// The message in the current language (the message itself when it has no translation),
/// or the message itself on a thread inside an `InEnglish` scope.
const char *translate(const char *message);

/// While one lives, messages made on this thread stay in English (the msgid). The play
/// path lives in one: a failure it writes into the play row is part of the chained
/// text, which reads the same whatever language the station's operator has chosen;
/// people see a coded reason in their own language where it is shown
/// (playlog/reason_text). A `ForPeople` inside it (around a caller's callback) brings
/// the operator's language back until it ends.
class LanguageScope {
public:
    LanguageScope(const LanguageScope &) = delete;
    LanguageScope &operator=(const LanguageScope &) = delete;

protected:
    explicit LanguageScope(bool english);
    ~LanguageScope();

private:
    bool m_was; ///< The thread's choice before this scope, put back at its end.
};

class InEnglish : LanguageScope {
public:
    InEnglish() : LanguageScope(true) {}
};

class ForPeople : LanguageScope {
public:
    ForPeople() : LanguageScope(false) {}
};

/// `pattern` with {1}, {2}, ... replaced by `arguments` in that order; {{ is a literal {.
/// A place with no argument is left as it is, so a bad translation shows, not crashes.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> arguments);

template <typename... Arguments>
std::string format(std::string_view pattern, const Arguments &...arguments) {
    return format(pattern, {std::string_view(arguments)...});
}

} // namespace loa::i18n

/// Marks a message and looks it up now.
#define _(message) ::loa::i18n::translate(message)
/// Marks a message for extraction only; look it up later with loa::i18n::translate.
#define N_(message) message
