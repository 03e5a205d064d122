#include "playlog/journal.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "playlog/flat_json.hpp"
#include "playlog/play_fields.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace loa::playlog {
namespace {

std::string_view kind_name(JournalEntry::Kind kind) {
    switch (kind) {
    case JournalEntry::Kind::begin:
        return "begin";
    case JournalEntry::Kind::finish:
        return "finish";
    case JournalEntry::Kind::outcome:
        return "outcome";
    }
    return "";
}

std::optional<JournalEntry::Kind> parse_kind(std::string_view name) {
    if (name == "begin")
        return JournalEntry::Kind::begin;
    if (name == "finish")
        return JournalEntry::Kind::finish;
    if (name == "outcome")
        return JournalEntry::Kind::outcome;
    return std::nullopt;
}

/// The fields a journal line carries for a row: what its INSERT writes, but for the
/// columns made from another field (the times' *_ms).
bool journaled(const PlayField &field) {
    return !field.column.empty() && field.set && field.use != FieldUse::chain &&
           field.key != "play_id";
}

std::int64_t unix_ms(TimePoint instant) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch())
        .count();
}

void member(std::string &out, std::string_view key, const FieldValue &value) {
    out.push_back(',');
    json::append_string(out, key);
    out.push_back(':');
    if (const auto text = text_of(value))
        json::append_string(out, *text);
    else if (const auto *number = std::get_if<std::int64_t>(&value))
        out += std::to_string(*number);
    else if (const auto *flag = std::get_if<bool>(&value))
        out += *flag ? "true" : "false";
    else
        out += "null";
}

FieldValue optional_text(const std::optional<std::string> &text) {
    return text ? FieldValue(std::string_view(*text)) : FieldValue();
}
FieldValue optional_number(const std::optional<std::int64_t> &number) {
    return number ? FieldValue(*number) : FieldValue();
}
FieldValue optional_ms(const std::optional<TimePoint> &instant) {
    return instant ? FieldValue(unix_ms(*instant)) : FieldValue();
}

std::optional<std::int64_t> number_of(const FlatValue *value) {
    if (!value || !*value)
        return std::nullopt;
    std::int64_t number = 0;
    const auto &text = **value;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return number;
}

std::string errno_text() {
    return std::strerror(errno);
}

} // namespace

std::string Journal::encode(const JournalEntry &entry) {
    std::string out = "{\"entry\":";
    json::append_string(out, entry.id);
    member(out, "kind", kind_name(entry.kind));
    if (entry.kind == JournalEntry::Kind::finish) {
        member(out, "finishes", std::string_view(entry.finishes));
        member(out, "end_status", to_string(entry.end.status));
        member(out, "end_started_ms", optional_ms(entry.end.started_at));
        member(out, "end_ended_ms", optional_ms(entry.end.ended_at));
        member(out, "end_error", optional_text(entry.end.error));
        member(out, "end_underruns", optional_number(entry.end.underruns));
        member(out, "end_reason_code", optional_text(entry.end.reason_code));
        member(out, "end_reason_params", optional_text(entry.end.reason_params));
    } else {
        for (const auto &field : play_fields())
            if (journaled(field))
                member(out, field.key, field.get(entry.record, {}));
    }
    out.push_back('}');
    return out;
}

std::optional<JournalEntry> Journal::decode(std::string_view line) {
    const auto object = parse_flat_json(line);
    if (!object)
        return std::nullopt;
    const FlatValue *id = find_member(*object, "entry");
    const FlatValue *kind_text = find_member(*object, "kind");
    if (!id || !*id || !kind_text || !*kind_text)
        return std::nullopt;
    const auto kind = parse_kind(**kind_text);
    if (!kind)
        return std::nullopt;
    JournalEntry entry;
    entry.kind = *kind;
    entry.id = **id;
    if (entry.kind == JournalEntry::Kind::finish) {
        const FlatValue *finishes = find_member(*object, "finishes");
        const FlatValue *status = find_member(*object, "end_status");
        if (!finishes || !*finishes || !status || !*status || !parse_play_status(**status))
            return std::nullopt;
        entry.finishes = **finishes;
        entry.end.status = *parse_play_status(**status);
        if (const auto ms = number_of(find_member(*object, "end_started_ms")))
            entry.end.started_at = TimePoint(std::chrono::milliseconds(*ms));
        if (const auto ms = number_of(find_member(*object, "end_ended_ms")))
            entry.end.ended_at = TimePoint(std::chrono::milliseconds(*ms));
        if (const FlatValue *error = find_member(*object, "end_error"); error && *error)
            entry.end.error = **error;
        entry.end.underruns = number_of(find_member(*object, "end_underruns"));
        for (auto [key, into] : {std::pair{"end_reason_code", &entry.end.reason_code},
                                 std::pair{"end_reason_params", &entry.end.reason_params}})
            if (const FlatValue *value = find_member(*object, key); value && *value)
                *into = **value;
        return entry;
    }
    for (const auto &field : play_fields()) {
        if (!journaled(field))
            continue;
        const FlatValue *value = find_member(*object, field.key);
        if (!value || !*value) {
            field.set(entry.record, FieldValue());
        } else if (field.type == FieldType::text) {
            field.set(entry.record, std::string_view(**value));
        } else if (field.type == FieldType::boolean) {
            field.set(entry.record, **value == "true");
        } else if (const auto number = number_of(value)) {
            field.set(entry.record, *number);
        } else {
            return std::nullopt;
        }
    }
    return entry;
}

Journal::Journal(std::filesystem::path path) : m_path(std::move(path)) {
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw Error(i18n::format(_("cannot open the play log's journal {1}: {2}; check that the "
                                   "station home is writable"),
                                 quote(m_path), errno_text()));
    const auto contents = read();
    if (contents.torn_tail && ::ftruncate(m_fd, static_cast<off_t>(contents.complete_bytes)) != 0)
        throw Error(i18n::format(_("cannot repair the play log's journal {1}: {2}"), quote(m_path),
                                 errno_text()));
    m_entries = contents.entries.size();
}

Journal::~Journal() {
    if (m_fd >= 0)
        ::close(m_fd);
}

void Journal::append(const JournalEntry &entry) {
    const std::string line = encode(entry) + "\n";
    // One write() per line: O_APPEND keeps lines whole against other appends; a
    // crash inside it leaves a line without its end, which read() ignores.
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(m_fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error(i18n::format(_("cannot write the play log's journal {1}: {2}"),
                                     quote(m_path), errno_text()));
        written += static_cast<std::size_t>(n);
    }
    if (::fdatasync(m_fd) != 0)
        throw Error(i18n::format(_("cannot flush the play log's journal {1} to the disk: {2}"),
                                 quote(m_path), errno_text()));
    ++m_entries;
}

JournalContents Journal::read() const {
    JournalContents contents;
    std::ifstream in(m_path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {
            contents.torn_tail = true; // an append the process did not live to finish
            break;
        }
        if (auto entry = decode(std::string_view(text).substr(start, end - start)))
            contents.entries.push_back(std::move(*entry));
        else if (end > start)
            ++contents.unreadable_lines;
        start = end + 1;
        contents.complete_bytes = start;
    }
    return contents;
}

void Journal::clear() {
    if (::ftruncate(m_fd, 0) != 0 || ::fsync(m_fd) != 0)
        throw Error(i18n::format(_("cannot empty the play log's journal {1}: {2}"), quote(m_path),
                                 errno_text()));
    m_entries = 0;
}

} // namespace loa::playlog
