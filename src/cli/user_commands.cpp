// loa user add|passwd|remove|list: the console's accounts (station/users.hpp). A
// password is asked twice, without echo, on a terminal, and read as one line from
// standard input otherwise (a script, a pipe). Every change is recorded in the
// station's actions with the system user who made it.
#include "cli/command.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "station/users.hpp"

#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <string>

namespace loa::cli {
namespace {

/// Reads one line from standard input; on a terminal, with the echo off.
std::string read_line_quietly(std::ostream &prompt_to, const std::string &prompt) {
    termios saved{};
    const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        prompt_to << prompt << std::flush;
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        prompt_to << "\n";
    }
    if (!got)
        throw InputError(_("no password given: type it when asked, or give it on standard "
                           "input (one line)"));
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

/// The new password: asked twice on a terminal, one line of standard input otherwise.
std::string new_password(Context &context, const std::string &name) {
    std::string password =
        read_line_quietly(context.err, i18n::format(_("new password for {1}: "), name));
    if (const auto problem = station::password_problem(password))
        throw InputError(*problem);
    if (::isatty(STDIN_FILENO) &&
        read_line_quietly(context.err, _("the same password again: ")) != password)
        throw InputError(_("the two passwords differ; nothing was changed, try again"));
    return password;
}

/// Who is at the command line: the system user's name.
std::string system_user() {
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? entry->pw_name : std::to_string(::geteuid());
}

std::string now_text(const OpenStation &station) {
    return station.zone.format_iso(std::chrono::system_clock::now());
}

void record(OpenStation &station, const std::string &action, const std::string &detail) {
    station::ActionLog(*station.db)
        .record({now_text(station), system_user(), "local", action, detail});
}

} // namespace

int run_user_add(Context &context, const Arguments &args) {
    const std::string &name = args.positionals().front();
    const auto role = station::parse_role(args.required("--role"));
    station::check_user_name(name);
    auto station = open_station(context.home, Access::write_after_check);
    station::UserStore users(*station.db);
    users.must_be_new(name); // before the password is asked for nothing
    users.add(name, *role, new_password(context, name), now_text(station));
    record(station, "user.add", name + " (" + std::string(station::to_string(*role)) + ")");
    context.out << i18n::format(_("user {1} added ({2})"), name, station::to_string(*role)) << "\n";
    return 0;
}

int run_user_passwd(Context &context, const Arguments &args) {
    const std::string &name = args.positionals().front();
    auto station = open_station(context.home, Access::write_after_check);
    station::UserStore users(*station.db);
    users.must_exist(name);
    users.set_password(name, new_password(context, name), now_text(station));
    record(station, "user.passwd", name);
    context.out << i18n::format(_("the password of {1} is changed"), name) << "\n";
    return 0;
}

int run_user_remove(Context &context, const Arguments &args) {
    const std::string &name = args.positionals().front();
    auto station = open_station(context.home, Access::write_after_check);
    station::UserStore(*station.db).remove(name);
    record(station, "user.remove", name);
    context.out << i18n::format(_("user {1} removed"), name) << "\n";
    return 0;
}

int run_user_list(Context &context, const Arguments &args) {
    auto station = open_station(context.home, Access::read);
    const auto users = station::UserStore(*station.db).list();
    if (args.flag("--json")) {
        context.out << "[";
        for (std::size_t i = 0; i < users.size(); ++i)
            context.out << (i ? "," : "") << "{\"name\":" << json::quoted(users[i].name)
                        << ",\"role\":" << json::quoted(station::to_string(users[i].role))
                        << ",\"created_at\":" << json::quoted(users[i].created_at)
                        << ",\"password_changed_at\":" << json::quoted(users[i].password_changed_at)
                        << "}";
        context.out << "]\n";
        return 0;
    }
    for (const auto &user : users)
        context.out << user.name << "\t" << station::to_string(user.role) << "\t" << user.created_at
                    << "\n";
    if (users.empty())
        context.out << _("no users yet; add one with 'loa user add NAME --role operator'") << "\n";
    return 0;
}

} // namespace loa::cli
