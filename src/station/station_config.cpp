#include "station/station_config.hpp"

#include "core/error.hpp"
#include "core/time_of_day.hpp"
#include "core/time_zone.hpp"

#include <toml++/toml.h>

#include <set>
#include <sstream>

namespace loa::station {
namespace {

std::string where(const std::filesystem::path &path, const toml::source_region &source) {
    return path.string() + ":" + std::to_string(source.begin.line) + ":" +
           std::to_string(source.begin.column) + ": ";
}

/// Reads one table strictly: every key must be one of `known`.
class TableReader {
public:
    TableReader(const std::filesystem::path &path, const toml::table &table, std::set<std::string> known)
        : m_path(path), m_table(table) {
        for (const auto &[key, node] : table)
            if (!known.count(std::string(key.str())))
                throw InputError(where(path, key.source()) + "unknown key '" + std::string(key.str()) +
                                 "'; remove it or check its spelling");
    }

    void read(const char *key, std::string &out) const {
        if (const auto *node = m_table.get(key)) {
            const auto *value = node->as_string();
            if (!value)
                throw InputError(where(m_path, node->source()) + "'" + key + "' must be text in quotes");
            out = value->get();
        }
    }

    void read(const char *key, double &out) const {
        if (const auto *node = m_table.get(key)) {
            const auto value = node->value<double>();
            if (!value)
                throw InputError(where(m_path, node->source()) + "'" + key + "' must be a number");
            out = *value;
        }
    }

    void read(const char *key, int &out) const {
        if (const auto *node = m_table.get(key)) {
            const auto *value = node->as_integer();
            if (!value || value->get() <= 0)
                throw InputError(where(m_path, node->source()) + "'" + key + "' must be a whole number above 0");
            out = static_cast<int>(value->get());
        }
    }

    void read(const char *key, std::optional<QuietHours> &out) const {
        const auto *node = m_table.get(key);
        if (!node)
            return;
        const auto *array = node->as_array();
        const auto fail = [&] {
            throw InputError(where(m_path, node->source()) + "'" + key +
                             "' must be two times, start and end, like [\"22:00\", \"05:00\"], or [] for none");
        };
        if (!array)
            fail();
        if (array->empty()) {
            out.reset();
            return;
        }
        if (array->size() != 2)
            fail();
        const auto begin = parse_time_of_day(array->get(0)->value_or(std::string()));
        const auto end = parse_time_of_day(array->get(1)->value_or(std::string()));
        if (!begin || !end)
            fail();
        out = QuietHours{*begin, *end};
    }

private:
    const std::filesystem::path &m_path;
    const toml::table &m_table;
};

const toml::table &section(const std::filesystem::path &path, const toml::table &root, const char *name) {
    static const toml::table empty;
    const auto *node = root.get(name);
    if (!node)
        return empty;
    if (!node->is_table())
        throw InputError(where(path, node->source()) + "'" + name + "' must be a section [" + name + "]");
    return *node->as_table();
}

} // namespace

bool QuietHours::contains(std::chrono::seconds time_of_day) const noexcept {
    if (begin <= end)
        return time_of_day >= begin && time_of_day < end;
    return time_of_day >= begin || time_of_day < end;
}

StationConfig load_station_config(const std::filesystem::path &path) {
    toml::table root;
    try {
        root = toml::parse_file(path.string());
    } catch (const toml::parse_error &error) {
        throw InputError(where(path, error.source()) + std::string(error.description()) +
                         "; fix the line or run 'loa init' in a new folder to get a fresh station.toml");
    }
    StationConfig config;
    const TableReader top_level(path, root, {"station", "output", "policy"});
    const TableReader station(path, section(path, root, "station"), {"code", "name", "timezone", "reports_to"});
    station.read("code", config.code);
    station.read("name", config.name);
    station.read("timezone", config.timezone);
    station.read("reports_to", config.reports_to);
    const TableReader output(path, section(path, root, "output"),
                             {"device", "loudness_target_lufs", "max_boost_db"});
    output.read("device", config.output_device);
    output.read("loudness_target_lufs", config.loudness_target_lufs);
    output.read("max_boost_db", config.max_boost_db);
    const TableReader policy(path, section(path, root, "policy"), {"quiet_hours", "max_session_minutes"});
    policy.read("quiet_hours", config.quiet_hours);
    policy.read("max_session_minutes", config.max_session_minutes);
    if (config.code.empty())
        throw InputError(path.string() + ": [station] code is missing; set it to the station code, e.g. code = \"KG-GR-VHHB\"");
    TimeZone::load(config.timezone); // refuses an unknown zone now, not at 6 a.m.
    return config;
}

std::string render_station_config(const StationConfig &config) {
    const auto quoted = [](const std::string &text) {
        std::string out = "\"";
        for (const char c : text) {
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
        << "reports_to = " << quoted(config.reports_to) << "\n\n"
        << "[output]\n"
        << "# Sound card: \"default\", part of its name, or its number from 'loa devices'.\n"
        << "device = " << quoted(config.output_device) << "\n"
        << "# Loudness every announcement is brought to, in LUFS (-16 suits outdoor loudspeakers).\n"
        << "loudness_target_lufs = " << config.loudness_target_lufs << "\n"
        << "# The most a quiet recording may be amplified, in dB.\n"
        << "max_boost_db = " << config.max_boost_db << "\n\n"
        << "[policy]\n"
        << "# Only emergency announcements play between these times. [] for none.\n";
    if (config.quiet_hours)
        out << "quiet_hours = [\"" << hhmm(config.quiet_hours->begin) << "\", \"" << hhmm(config.quiet_hours->end)
            << "\"]\n";
    else
        out << "quiet_hours = []\n";
    out << "# Longest broadcast session, in minutes; longer schedule slots get a warning.\n"
        << "max_session_minutes = " << config.max_session_minutes << "\n";
    return out.str();
}

} // namespace loa::station
