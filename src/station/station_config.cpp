#include "station/station_config.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/time_of_day.hpp"
#include "core/time_zone.hpp"
#include "core/toml_bounds.hpp"

#include <toml++/toml.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace loa::station {
namespace {

std::string where(const std::filesystem::path &path, const toml::source_region &source) {
    return path.string() + ":" + std::to_string(source.begin.line) + ":" +
           std::to_string(source.begin.column) + ": ";
}

/// The sensible values of a number, with its unit, for the message that refuses others.
struct Range {
    double min;
    double max;
    const char *unit;
    const char *why;
};

// Outside these, a play is silent, deafening or never ends (issue 18, item 4).
constexpr Range loudness_range{-40, -5, "LUFS", N_("-16 suits outdoor loudspeakers")};
constexpr Range boost_range{0, 30, "dB", N_("12 is usual; 0 never amplifies")};
constexpr Range session_range{1, 1440, N_("minutes"), N_("a day has 1440")};
constexpr Range tts_timeout_range{1, 600, N_("seconds"),
                                  N_("a voice reads a minute of text in a few seconds")};

std::string number_text(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

/// Reads one table strictly: every key must be one of `known`.
class TableReader {
public:
    TableReader(const std::filesystem::path &path, const toml::table &table,
                const std::set<std::string> &known)
        : m_path(path), m_table(table) {
        for (const auto &[key, node] : table)
            if (!known.count(std::string(key.str())))
                throw InputError(
                    where(path, key.source()) +
                    i18n::format(_("unknown key '{1}'; remove it or check its spelling"),
                                 key.str()));
    }

    bool has(const char *key) const { return m_table.get(key) != nullptr; }

    /// Where `key` is written ("FILE:LINE:COL: "), or the file's name if it is not.
    std::string where_is(const char *key) const {
        const auto *node = m_table.get(key);
        return node ? where(m_path, node->source()) : m_path.string() + ": ";
    }

    void read(const char *key, std::string &out) const {
        if (const auto *node = m_table.get(key)) {
            const auto *value = node->as_string();
            if (!value)
                throw InputError(where(m_path, node->source()) +
                                 i18n::format(_("'{1}' must be text in quotes"), key));
            out = value->get();
        }
    }

    void read(const char *key, double &out, const Range &range) const {
        if (const auto *node = m_table.get(key)) {
            const auto value = node->value<double>();
            if (!value)
                throw InputError(where(m_path, node->source()) +
                                 i18n::format(_("'{1}' must be a number"), key));
            if (!(*value >= range.min && *value <= range.max)) // Also refuses nan.
                refuse(*node, key, number_text(*value), range);
            out = *value;
        }
    }

    void read(const char *key, int &out, const Range &range) const {
        if (const auto *node = m_table.get(key)) {
            const auto *value = node->as_integer();
            if (!value)
                throw InputError(
                    where(m_path, node->source()) +
                    i18n::format(_("'{1}' must be a whole number of {2}, from {3} to {4}"), key,
                                 i18n::translate(range.unit), number_text(range.min),
                                 number_text(range.max)));
            const auto number = value->get();
            if (number < range.min || number > range.max)
                refuse(*node, key, std::to_string(number), range);
            out = static_cast<int>(number);
        }
    }

    void read(const char *key, bool &out) const {
        if (const auto *node = m_table.get(key)) {
            const auto value = node->value<bool>();
            if (!value)
                throw InputError(where(m_path, node->source()) +
                                 i18n::format(_("'{1}' must be true or false"), key));
            out = *value;
        }
    }

    void read(const char *key, std::optional<QuietHours> &out) const;

private:
    [[noreturn]] void refuse(const toml::node &node, const char *key, const std::string &value,
                             const Range &range) const {
        throw InputError(where(m_path, node.source()) +
                         i18n::format(_("'{1}' is {2}, outside {3} to {4} {5}: write a number in "
                                        "that range ({6})"),
                                      key, value, number_text(range.min), number_text(range.max),
                                      i18n::translate(range.unit), i18n::translate(range.why)));
    }

    const std::filesystem::path &m_path;
    const toml::table &m_table;
};

void TableReader::read(const char *key, std::optional<QuietHours> &out) const {
    const auto *node = m_table.get(key);
    if (!node)
        return;
    const auto *array = node->as_array();
    const auto fail = [&](const std::string &why) {
        throw InputError(where(m_path, node->source()) +
                         i18n::format(_("'{1}' {2}: write two times, start and end, like "
                                        "[\"22:00\", \"05:00\"], or [] for none"),
                                      key, why));
    };
    if (!array)
        fail(_("is not a list of times"));
    if (array->empty()) {
        out.reset();
        return;
    }
    if (array->size() != 2)
        fail(i18n::format(_("must have two times, not {1}"), std::to_string(array->size())));
    const auto begin = parse_time_of_day(array->get(0)->value_or(std::string()));
    const auto end = parse_time_of_day(array->get(1)->value_or(std::string()));
    if (!begin || !end)
        fail(_("has a time that is not HH:MM"));
    if (*begin == *end)
        fail(_("starts and ends at the same time, which would mean either none or the whole day"));
    out = QuietHours{*begin, *end};
}

const toml::table &section(const std::filesystem::path &path, const toml::table &root,
                           const char *name) {
    static const toml::table empty;
    const auto *node = root.get(name);
    if (!node)
        return empty;
    if (!node->is_table())
        throw InputError(where(path, node->source()) +
                         i18n::format(_("'{1}' must be a section [{1}]"), name));
    return *node->as_table();
}

/// The text of station.toml, or InputError saying why it cannot be read. Opened
/// without blocking and checked to be a file: a FIFO or a folder is refused.
std::string read_text(const std::filesystem::path &path, std::size_t max_bytes) {
    const auto cannot = [&](const std::string &why) {
        return InputError(i18n::format(_("cannot read {1}: {2}"), quote(path), why));
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        throw cannot(error == EACCES ? i18n::format(_("{1}; let the user running loa read it "
                                                      "(chmod a+r)"),
                                                    std::strerror(error))
                                     : std::string(std::strerror(error)));
    }
    struct stat status {};
    std::string text;
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        const bool folder = S_ISDIR(status.st_mode);
        ::close(fd);
        throw cannot(folder ? _("it is a folder, not a file; move it away and write station.toml "
                                "('loa init' in a new folder shows one)")
                            : _("it is not a regular file"));
    }
    char buffer[65536];
    ssize_t got = 0;
    while (text.size() <= max_bytes && (got = ::read(fd, buffer, sizeof buffer)) > 0)
        text.append(buffer, static_cast<std::size_t>(got));
    const int error = errno;
    ::close(fd);
    if (got < 0)
        throw cannot(std::strerror(error));
    return text;
}

toml::table parse(std::string_view text, const std::filesystem::path &path) {
    if (const auto problem = find_toml_bounds_problem(text))
        throw InputError(path.string() + ":" + std::to_string(problem->line) + ":" +
                         std::to_string(problem->column) + ": " + problem->message);
    try {
        return toml::parse(text, path.string());
    } catch (const toml::parse_error &error) {
        throw InputError(where(path, error.source()) +
                         i18n::format(_("{1}; fix the line or run 'loa init' in a new folder to "
                                        "get a fresh station.toml"),
                                      error.description()));
    }
}

void read_tts(const std::filesystem::path &path, const toml::table &root, TtsSettings &out) {
    const TableReader tts(path, section(path, root, "tts"),
                          {"command", "timeout_seconds", "repeat_emergency"});
    std::string command;
    tts.read("command", command);
    if (tts.has("command")) {
        if (command.find_first_not_of(" \t") == std::string::npos)
            throw InputError(tts.where_is("command") +
                             _("'command' is empty; write the program that reads text aloud, or "
                               "remove the line to use espeak-ng"));
        out.command = command;
    }
    tts.read("timeout_seconds", out.timeout_seconds, tts_timeout_range);
    tts.read("repeat_emergency", out.repeat_emergency);
}

void render_tts(std::ostream &out, const TtsSettings &tts) {
    out << "[tts]\n"
        << "# Typed notices (loa say) are read by espeak-ng. For a better voice, name a program\n"
        << "# that reads the text on its standard input and writes a WAV on its standard output:\n"
        << "# command = \"/usr/local/bin/doc-tieng-viet\"\n"
        << "# The longest it may take, in seconds; after that, or if it fails, espeak-ng reads.\n"
        << "timeout_seconds = " << tts.timeout_seconds << "\n"
        << "# Say an emergency notice twice (\"xin nhắc lại\" between).\n"
        << "repeat_emergency = " << (tts.repeat_emergency ? "true" : "false") << "\n";
}

} // namespace

bool QuietHours::contains(std::chrono::seconds time_of_day) const noexcept {
    if (begin <= end)
        return time_of_day >= begin && time_of_day < end;
    return time_of_day >= begin || time_of_day < end;
}

StationConfig load_station_config(const std::filesystem::path &path) {
    return parse_station_config(read_text(path, TomlBounds{}.max_bytes), path);
}

StationConfig parse_station_config(std::string_view text, const std::filesystem::path &path) {
    const toml::table root = parse(text, path);
    StationConfig config;
    const TableReader top_level(path, root, {"station", "output", "policy", "tts"});
    const TableReader station(path, section(path, root, "station"),
                              {"code", "name", "timezone", "reports_to", "language"});
    station.read("code", config.code);
    station.read("name", config.name);
    station.read("timezone", config.timezone);
    station.read("reports_to", config.reports_to);
    station.read("language", config.language);
    if (!config.language.empty() && config.language != "vi" && config.language != "en")
        throw InputError(station.where_is("language") +
                         i18n::format(_("unknown language '{1}': write \"vi\" (Vietnamese) or "
                                        "\"en\" (English)"),
                                      config.language));
    const TableReader output(path, section(path, root, "output"),
                             {"device", "loudness_target_lufs", "max_boost_db"});
    output.read("device", config.output_device);
    output.read("loudness_target_lufs", config.loudness_target_lufs, loudness_range);
    output.read("max_boost_db", config.max_boost_db, boost_range);
    const TableReader policy(path, section(path, root, "policy"),
                             {"quiet_hours", "max_session_minutes"});
    policy.read("quiet_hours", config.quiet_hours);
    policy.read("max_session_minutes", config.max_session_minutes, session_range);
    read_tts(path, root, config.tts);
    if (config.code.empty())
        throw InputError(path.string() + ": " +
                         _("[station] code is missing; set it to the station code, e.g. code = "
                           "\"KG-GR-VHHB\""));
    try {
        TimeZone::load(config.timezone); // Refuses an unknown zone now, not at 6 a.m.
    } catch (const InputError &error) {
        throw InputError(station.where_is("timezone") + error.what());
    }
    return config;
}

std::string render_station_config(const StationConfig &config) {
    const auto quoted = [](const std::string &text) {
        std::string out = "\"";
        for (const char c : text) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) { // \n, \t...: TOML escapes.
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
                continue;
            }
            if (c == '"' || c == '\\')
                out.push_back('\\');
            out.push_back(c);
        }
        return out + "\"";
    };
    const auto hhmm = [](std::chrono::seconds time) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(time.count() / 3600),
                      static_cast<int>(time.count() / 60 % 60));
        return std::string(buffer);
    };
    std::ostringstream out;
    out << "# loa station settings. Lines starting with # are comments.\n"
        << "# After editing, restart the player (systemctl restart loa) for changes to apply.\n\n"
        << "[station]\n"
        << "# Station code: appears in every log row and report sent to the province.\n"
        << "code = " << quoted(config.code) << "\n"
        << "# Full name of the station, as printed on reports.\n"
        << "name = " << quoted(config.name) << "\n"
        << "# Time zone for schedules and reports (Vietnam: Asia/Ho_Chi_Minh).\n"
        << "timezone = " << quoted(config.timezone) << "\n"
        << "# The agency that receives the station's reports.\n"
        << "reports_to = " << quoted(config.reports_to) << "\n"
        << "# Language of what the player writes (its messages, the reasons in the play log):\n"
        << "# \"vi\" Vietnamese, \"en\" English.\n"
        << "language = " << quoted(config.language.empty() ? "vi" : config.language) << "\n\n"
        << "[output]\n"
        << "# Sound card: \"default\", part of its name, or its number from 'loa devices'.\n"
        << "device = " << quoted(config.output_device) << "\n"
        << "# Loudness every announcement is brought to, in LUFS (-16 suits outdoor "
           "loudspeakers).\n"
        << "loudness_target_lufs = " << config.loudness_target_lufs << "\n"
        << "# The most a quiet recording may be amplified, in dB.\n"
        << "max_boost_db = " << config.max_boost_db << "\n\n"
        << "[policy]\n"
        << "# Only emergency announcements play between these times. [] for none.\n";
    if (config.quiet_hours)
        out << "quiet_hours = [\"" << hhmm(config.quiet_hours->begin) << "\", \""
            << hhmm(config.quiet_hours->end) << "\"]\n";
    else
        out << "quiet_hours = []\n";
    out << "# Longest broadcast session, in minutes; longer schedule slots get a warning.\n"
        << "max_session_minutes = " << config.max_session_minutes << "\n\n";
    render_tts(out, config.tts);
    return out.str();
}

} // namespace loa::station
