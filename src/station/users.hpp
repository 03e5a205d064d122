#pragma once
// The people who may use the station's console, in its database: a name, a role
// (an operator plays, loads and imports; a viewer, such as an inspector, looks and
// downloads) and a password kept only as an argon2id hash (libsodium's
// crypto_pwhash_str: memory-hard, salted, its parameters inside the hash).
// And the station's record of who did what (ActionLog): every change of an
// account, and later every state-changing action of the console, with its user,
// address and time.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loa::sqlite {
class Database;
}

namespace loa::station {

enum class Role { operator_, viewer };

std::string_view to_string(Role role) noexcept;
/// "operator" or "viewer"; none for anything else.
std::optional<Role> parse_role(std::string_view text) noexcept;

struct User {
    std::string name;
    Role role = Role::viewer;
    std::string created_at;          ///< ISO 8601, station time.
    std::string password_changed_at; ///< ISO 8601, station time.
};

class UserStore {
public:
    explicit UserStore(sqlite::Database &db) : m_db(db) {}

    /// Adds an account. Throws InputError for a bad or existing name or a password
    /// the rules refuse (password_problem()).
    void add(const std::string &name, Role role, std::string_view password, const std::string &at);
    /// Throws InputError for an unknown name or a refused password.
    void set_password(const std::string &name, std::string_view password, const std::string &at);
    /// Throws InputError for an unknown name.
    void remove(const std::string &name);
    std::vector<User> list() const;
    /// Throw InputError, saying what to do, when `name` is not (is) a user: so a
    /// command can refuse before it asks for a password.
    void must_exist(const std::string &name) const;
    void must_be_new(const std::string &name) const;
    /// The account when `password` is its password; none otherwise (also for an
    /// unknown name, after the same work, so timing does not tell names apart).
    std::optional<User> check(const std::string &name, std::string_view password) const;

private:
    std::optional<std::string> hash_of(const std::string &name) const;
    sqlite::Database &m_db;
};

/// Throws InputError when `name` cannot be a user's name (1 to 32 of a-z, 0-9, '.',
/// '_', '-', starting with a letter or digit).
void check_user_name(const std::string &name);

/// Why `password` is refused (shorter than 8 characters, longer than 256 bytes),
/// in the reader's language; none when it is accepted.
std::optional<std::string> password_problem(std::string_view password);

struct Action {
    std::string at; ///< ISO 8601, station time.
    std::string user;
    std::string address; ///< The client's address; "local" at the station's command line.
    std::string action;  ///< "user.add", "user.passwd", "user.remove", ...
    std::string detail;
};

class ActionLog {
public:
    explicit ActionLog(sqlite::Database &db) : m_db(db) {}
    void record(const Action &action);
    /// The last `count` actions, newest first.
    std::vector<Action> recent(int count) const;

private:
    sqlite::Database &m_db;
};

} // namespace loa::station
