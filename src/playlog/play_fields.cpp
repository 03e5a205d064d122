#include "playlog/play_fields.hpp"

#include <array>
#include <chrono>

namespace loa::playlog {
namespace {

// Members of PlayRecord as FieldValues, and back. A text value is assigned into
// the member's existing string, so a scan of a million rows allocates nothing.

FieldValue of(const std::string &text) {
    return std::string_view(text);
}
FieldValue of(const std::optional<std::string> &text) {
    return text ? FieldValue(std::string_view(*text)) : FieldValue();
}
FieldValue of(std::int64_t number) {
    return number;
}
FieldValue of(const std::optional<std::int64_t> &number) {
    return number ? FieldValue(*number) : FieldValue();
}
FieldValue of(const std::optional<bool> &flag) {
    return flag ? FieldValue(*flag) : FieldValue();
}
FieldValue of(const std::optional<TimePoint> &instant) {
    if (!instant)
        return {};
    return std::int64_t{
        std::chrono::duration_cast<std::chrono::milliseconds>(instant->time_since_epoch()).count()};
}

FieldValue of(const std::optional<StationTime> &at) {
    return at ? FieldValue(at->text()) : FieldValue();
}

FieldValue of(const std::optional<CivilDateTime> &civil) {
    return civil ? FieldValue(civil->text()) : FieldValue();
}

void put(std::string &into, const FieldValue &value) {
    const auto text = text_of(value).value_or(std::string_view());
    into.assign(text.data(), text.size());
}
void put(std::optional<std::string> &into, const FieldValue &value) {
    const auto text = text_of(value);
    if (!text)
        into.reset();
    else if (into)
        into->assign(text->data(), text->size()); // keeps the string's memory
    else
        into.emplace(*text);
}
void put(std::optional<StationTime> &into, const FieldValue &value) {
    const auto text = text_of(value);
    into = text ? StationTime::parse(*text) : std::nullopt;
}
void put(std::optional<CivilDateTime> &into, const FieldValue &value) {
    const auto text = text_of(value);
    into = text ? CivilDateTime::parse(*text) : std::nullopt;
}
void put(std::int64_t &into, const FieldValue &value) {
    const auto *number = std::get_if<std::int64_t>(&value);
    into = number ? *number : 0;
}
void put(std::optional<std::int64_t> &into, const FieldValue &value) {
    const auto *number = std::get_if<std::int64_t>(&value);
    into = number ? std::optional<std::int64_t>(*number) : std::nullopt;
}
void put(std::optional<bool> &into, const FieldValue &value) {
    if (const auto *flag = std::get_if<bool>(&value))
        into = *flag;
    else if (const auto *number = std::get_if<std::int64_t>(&value))
        into = *number != 0;
    else
        into.reset();
}
void put(std::optional<TimePoint> &into, const FieldValue &value) {
    const auto *ms = std::get_if<std::int64_t>(&value);
    into = ms ? std::optional<TimePoint>(TimePoint(std::chrono::milliseconds(*ms))) : std::nullopt;
}

/// A member field: `M` is a pointer to the PlayRecord member.
template <auto M> FieldValue get_member(const PlayRecord &r, std::string_view) {
    return of(r.*M);
}
template <auto M> void set_member(PlayRecord &r, const FieldValue &value) {
    put(r.*M, value);
}

/// The millisecond column of a time member `M`, made from the same value (not read back).
template <auto M> FieldValue get_ms(const PlayRecord &r, std::string_view) {
    return r.*M ? FieldValue((r.*M)->unix_ms()) : FieldValue();
}

/// An enum field, stored as DESIGN.md's spelling.
template <auto M> FieldValue get_word(const PlayRecord &r, std::string_view) {
    return to_string(r.*M);
}
template <auto M, auto Parse, auto Fallback> void set_word(PlayRecord &r, const FieldValue &value) {
    r.*M = Parse(text_of(value).value_or(std::string_view())).value_or(Fallback);
}

FieldValue get_chain_id(const PlayRecord &, std::string_view chain_id) {
    return chain_id.empty() ? FieldValue() : FieldValue(chain_id);
}

using R = PlayRecord;
using T = FieldType;
using U = FieldUse;
using D = Display;

#define LOA_MEMBER(m) &get_member<&R::m>, &set_member<&R::m>

const std::array fields{
    // key, column, type, use, heading, display, width, canonical_since, get, set
    PlayField{"play_id", "play_id", T::integer, U::row, "Mã lượt phát", D::number, 10, 1,
              LOA_MEMBER(play_id)},
    PlayField{"station", "station", T::text, U::row, "Mã đài", D::text, 14, 1, LOA_MEMBER(station)},
    PlayField{"slot", "slot", T::text, U::row, "Khung giờ", D::text, 12, 1, LOA_MEMBER(slot)},
    PlayField{"scheduled_at", "scheduled_at", T::text, U::row, "Giờ theo lịch", D::instant, 20, 1,
              LOA_MEMBER(scheduled_at)},
    PlayField{"position", "position", T::integer, U::row, "Thứ tự", D::place, 7, 1,
              LOA_MEMBER(position)},
    PlayField{"started_at", "started_at", T::text, U::row, "Bắt đầu", D::instant, 20, 1,
              LOA_MEMBER(started_at)},
    PlayField{"ended_at", "ended_at", T::text, U::row, "Kết thúc", D::instant, 20, 1,
              LOA_MEMBER(ended_at)},
    PlayField{"announcement", "announcement", T::text, U::row, "Mã bản tin", D::text, 22, 1,
              LOA_MEMBER(announcement)},
    PlayField{"title", "title", T::text, U::stored, "Tên bản tin", D::text, 40, 1,
              LOA_MEMBER(title)},
    PlayField{"campaign", "campaign", T::text, U::stored, "Chiến dịch", D::text, 24, 1,
              LOA_MEMBER(campaign)},
    PlayField{"sha256", "sha256", T::text, U::row, "", D::text, 0, 1, LOA_MEMBER(sha256)},
    PlayField{"status", "status", T::text, U::row, "Kết quả", D::status, 14, 1,
              &get_word<&R::status>, &set_word<&R::status, &parse_play_status, PlayStatus::failed>},
    PlayField{"lateness_ms", "lateness_ms", T::integer, U::row, "Trễ (ms)", D::lateness, 9, 1,
              LOA_MEMBER(lateness_ms)},
    PlayField{"duration_ms", "duration_ms", T::integer, U::row, "Thời lượng (giây)", D::seconds, 12,
              1, LOA_MEMBER(duration_ms)},
    PlayField{"priority", "priority", T::text, U::row, "Mức ưu tiên", D::priority, 11, 1,
              &get_word<&R::priority>, &set_word<&R::priority, &parse_priority, Priority::normal>},
    PlayField{"trigger", "trigger", T::text, U::row, "Hình thức", D::trigger, 14, 1,
              &get_word<&R::trigger>, &set_word<&R::trigger, &parse_trigger, Trigger::scheduled>},
    PlayField{"error", "error", T::text, U::row, "Lý do", D::reason, 40, 1, LOA_MEMBER(error)},
    // Schema 4: the reason as data, not hashed: `error` is what the chain covers (docs/reasons.md).
    PlayField{"reason_code", "reason_code", T::text, U::row, "", D::text, 0, 0,
              LOA_MEMBER(reason_code)},
    PlayField{"reason_params", "reason_params", T::text, U::row, "", D::text, 0, 0,
              LOA_MEMBER(reason_params)},
    // The chain (set when the row is finalised). chain_id is the log's, not stored per row.
    PlayField{"chain_id", "", T::text, U::chain, "", D::text, 0, 1, &get_chain_id, nullptr},
    PlayField{"seq", "seq", T::integer, U::chain, "Số thứ tự chuỗi", D::number, 10, 1,
              LOA_MEMBER(seq)},
    PlayField{"prev_hash", "prev_hash", T::text, U::chain, "", D::text, 0, 0,
              LOA_MEMBER(prev_hash)},
    PlayField{"row_hash", "row_hash", T::text, U::chain, "Mã băm", D::text, 66, 0,
              LOA_MEMBER(row_hash)},
    PlayField{"canonical", "canonical", T::text, U::chain, "", D::text, 0, 0,
              LOA_MEMBER(canonical)},
    // Kept with the row, hashed, not in the raw export.
    PlayField{"schedule_sha256", "schedule_sha256", T::text, U::stored, "", D::text, 0, 1,
              LOA_MEMBER(schedule_sha256)},
    PlayField{"device", "device", T::text, U::stored, "", D::text, 0, 1, LOA_MEMBER(device)},
    PlayField{"underruns", "underruns", T::integer, U::stored, "", D::text, 0, 1,
              LOA_MEMBER(underruns)},
    PlayField{"clock_synced", "clock_synced", T::boolean, U::stored, "", D::text, 0, 1,
              LOA_MEMBER(clock_synced)},
    // Schema 2: kept with the row, not hashed.
    PlayField{"occurrence", "occurrence", T::text, U::stored, "", D::text, 0, 0,
              LOA_MEMBER(occurrence)},
    PlayField{"offset_ms", "offset_ms", T::integer, U::stored, "", D::text, 0, 0,
              LOA_MEMBER(offset_ms)},
    PlayField{"resumes", "resumes", T::integer, U::stored, "", D::text, 0, 0, LOA_MEMBER(resumes)},
    // Instants the listings filter and sort by (milliseconds since the epoch); the
    // times' columns are made from the members above, and read back from their text.
    PlayField{"scheduled_ms", "scheduled_ms", T::integer, U::stored, "", D::text, 0, 0,
              &get_ms<&R::scheduled_at>, nullptr},
    PlayField{"planned_ms", "planned_ms", T::integer, U::stored, "", D::text, 0, 0,
              LOA_MEMBER(planned)},
    PlayField{"started_ms", "started_ms", T::integer, U::stored, "", D::text, 0, 0,
              &get_ms<&R::started_at>, nullptr},
    // Schema 3: the journal entry that wrote the row (replay writes each entry once).
    PlayField{"entry", "entry", T::text, U::stored, "", D::text, 0, 0, LOA_MEMBER(entry)},
};

#undef LOA_MEMBER

} // namespace

std::optional<std::string_view> text_of(const FieldValue &value) noexcept {
    if (const auto *view = std::get_if<std::string_view>(&value))
        return *view;
    if (const auto *text = std::get_if<std::string>(&value))
        return std::string_view(*text);
    return std::nullopt;
}

std::span<const PlayField> play_fields() noexcept {
    return fields;
}

const PlayField *find_field(std::string_view key) noexcept {
    for (const auto &field : fields)
        if (field.key == key)
            return &field;
    return nullptr;
}

} // namespace loa::playlog
