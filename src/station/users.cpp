#include "station/users.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"

#include <sodium.h>

#include <algorithm>

namespace loa::station {
namespace {

constexpr std::size_t min_password_characters = 8;
constexpr std::size_t max_password_bytes = 256;
constexpr std::size_t max_name_bytes = 32;

// argon2id at libsodium's "interactive" cost: 64 MiB and 2 passes, about 0.1 s on a
// cheap station PC; a console login waits that long, a guesser that long per guess.
const unsigned long long ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
const std::size_t mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void start_sodium() {
    if (sodium_init() < 0)
        throw Error(_("libsodium cannot start (no source of random numbers?)"));
}

std::string hash_password(std::string_view password) {
    start_sodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), ops_limit, mem_limit) != 0)
        throw Error(_("not enough memory to hash the password (argon2id needs 64 MiB)"));
    return hash;
}

bool matches(const std::string &hash, std::string_view password) {
    start_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void check_password(std::string_view password) {
    if (const auto problem = password_problem(password))
        throw InputError(*problem);
}

[[noreturn]] void unknown_user(const std::string &name) {
    throw InputError(
        i18n::format(_("there is no user '{1}'; 'loa user list' shows the users"), name));
}

} // namespace

std::string_view to_string(Role role) noexcept {
    return role == Role::operator_ ? "operator" : "viewer";
}

std::optional<Role> parse_role(std::string_view text) noexcept {
    if (text == "operator")
        return Role::operator_;
    if (text == "viewer")
        return Role::viewer;
    return std::nullopt;
}

void check_user_name(const std::string &name) {
    const bool ok = !name.empty() && name.size() <= max_name_bytes &&
                    std::all_of(name.begin(), name.end(),
                                [](char c) {
                                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                           c == '.' || c == '_' || c == '-';
                                }) &&
                    name.front() != '.' && name.front() != '_' && name.front() != '-';
    if (!ok)
        throw InputError(i18n::format(_("'{1}' cannot be a user name: use 1 to 32 lowercase "
                                        "letters a-z, digits, '.', '_' or '-', e.g. nguyen.van.a"),
                                      name));
}

std::optional<std::string> password_problem(std::string_view password) {
    const auto characters = static_cast<std::size_t>(
        std::count_if(password.begin(), password.end(), [](char c) { return (c & 0xc0) != 0x80; }));
    if (characters < min_password_characters)
        return i18n::format(_("the password is too short: use at least {1} characters"),
                            std::to_string(min_password_characters));
    if (password.size() > max_password_bytes)
        return i18n::format(_("the password is too long: use at most {1} bytes"),
                            std::to_string(max_password_bytes));
    return std::nullopt;
}

void UserStore::add(const std::string &name, Role role, std::string_view password,
                    const std::string &at) {
    check_user_name(name);
    check_password(password);
    const std::string hash = hash_password(password);
    sqlite::Transaction transaction(m_db);
    must_be_new(name);
    sqlite::Statement insert(m_db, "INSERT INTO users (name, role, password_hash, created_at, "
                                   "password_changed_at) VALUES (?1, ?2, ?3, ?4, ?4)");
    insert.bind(1, name).bind(2, to_string(role)).bind(3, hash).bind(4, at).run();
    transaction.commit();
}

void UserStore::set_password(const std::string &name, std::string_view password,
                             const std::string &at) {
    check_password(password);
    const std::string hash = hash_password(password);
    sqlite::Statement update(m_db, "UPDATE users SET password_hash = ?2, password_changed_at = ?3 "
                                   "WHERE name = ?1");
    update.bind(1, name).bind(2, hash).bind(3, at).run();
    if (m_db.changes() == 0)
        unknown_user(name);
}

void UserStore::remove(const std::string &name) {
    sqlite::Statement erase(m_db, "DELETE FROM users WHERE name = ?1");
    erase.bind(1, name).run();
    if (m_db.changes() == 0)
        unknown_user(name);
}

void UserStore::must_exist(const std::string &name) const {
    if (!hash_of(name))
        unknown_user(name);
}

void UserStore::must_be_new(const std::string &name) const {
    if (hash_of(name))
        throw InputError(i18n::format(
            _("user '{1}' exists already; 'loa user passwd {1}' sets a new password"), name));
}

std::vector<User> UserStore::list() const {
    sqlite::Statement select(
        m_db, "SELECT name, role, created_at, password_changed_at FROM users ORDER BY name");
    std::vector<User> users;
    while (select.step())
        users.push_back({select.column_text(0),
                         parse_role(select.column_view(1)).value_or(Role::viewer),
                         select.column_text(2), select.column_text(3)});
    return users;
}

std::optional<User> UserStore::check(const std::string &name, std::string_view password) const {
    // An unknown name costs the same work as a wrong password.
    static const std::string decoy = hash_password("not anyone's password");
    const auto hash = hash_of(name);
    if (!matches(hash.value_or(decoy), password) || !hash)
        return std::nullopt;
    for (auto &user : list())
        if (user.name == name)
            return user;
    return std::nullopt;
}

std::optional<std::string> UserStore::hash_of(const std::string &name) const {
    sqlite::Statement select(m_db, "SELECT password_hash FROM users WHERE name = ?1");
    select.bind(1, name);
    if (!select.step())
        return std::nullopt;
    std::string hash = select.column_text(0);
    select.reset();
    return hash;
}

void ActionLog::record(const Action &action) {
    sqlite::Statement insert(m_db, "INSERT INTO actions (at, user, address, action, detail) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, action.at)
        .bind(2, action.user)
        .bind(3, action.address)
        .bind(4, action.action)
        .bind(5, action.detail)
        .run();
}

std::vector<Action> ActionLog::recent(int count) const {
    sqlite::Statement select(m_db, "SELECT at, user, address, action, detail FROM actions "
                                   "ORDER BY action_id DESC LIMIT ?1");
    select.bind(1, count);
    std::vector<Action> actions;
    while (select.step())
        actions.push_back({select.column_text(0), select.column_text(1), select.column_text(2),
                           select.column_text(3), select.column_text(4)});
    return actions;
}

} // namespace loa::station
