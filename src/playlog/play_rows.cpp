#include "playlog/play_rows.hpp"

#include "lib/sqlite/database.hpp"
#include "lib/sqlite/statement.hpp"
#include "playlog/play_fields.hpp"
#include "playlog/play_log.hpp"

#include <limits>
#include <vector>

namespace loa::playlog {
namespace {

/// The fields a row's SELECT reads back, in column order.
std::vector<const PlayField *> read_fields() {
    std::vector<const PlayField *> read;
    for (const auto &field : play_fields())
        if (!field.column.empty() && field.set)
            read.push_back(&field);
    return read;
}

const std::vector<const PlayField *> &selected() {
    static const std::vector<const PlayField *> fields = read_fields();
    return fields;
}

std::string select_columns() {
    std::string sql = "SELECT ";
    for (const auto *field : selected()) {
        if (sql.size() > 7)
            sql += ", ";
        sql += field->column;
    }
    return sql + " FROM plays ";
}

} // namespace

const std::string play_select_columns = select_columns();

void read_play_row(const sqlite::Statement &row, PlayRecord &into) {
    const auto &fields = selected();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const int column = static_cast<int>(i);
        FieldValue value;
        if (row.is_null(column))
            value = std::monostate{};
        else if (fields[i]->type == FieldType::text)
            value = row.column_view(column);
        else
            value = row.column_int(column);
        fields[i]->set(into, value);
    }
}

std::int64_t insert_play_row(sqlite::Database &db, const PlayRecord &record) {
    static const std::vector<const PlayField *> fields = [] {
        std::vector<const PlayField *> inserted;
        for (const auto &field : play_fields())
            if (!field.column.empty() && field.use != FieldUse::chain && field.key != "play_id")
                inserted.push_back(&field);
        return inserted;
    }();
    static const std::string sql = [] {
        std::string columns, values;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            columns += (i ? ", " : "") + std::string(fields[i]->column);
            values += (i ? ", ?" : "?") + std::to_string(i + 1);
        }
        return "INSERT INTO plays (" + columns + ") VALUES (" + values + ")";
    }();
    const auto lease = db.cached(sql);
    sqlite::Statement &insert = *lease;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const int index = static_cast<int>(i + 1);
        const FieldValue value = fields[i]->get(record, {});
        if (const auto text = text_of(value))
            insert.bind(index, *text);
        else if (const auto *number = std::get_if<std::int64_t>(&value))
            insert.bind(index, *number);
        else if (const auto *flag = std::get_if<bool>(&value))
            insert.bind(index, *flag ? 1 : 0);
    }
    insert.run();
    return db.last_insert_rowid();
}

PlayRecord read_play_row(const sqlite::Statement &row) {
    PlayRecord r;
    read_play_row(row, r);
    return r;
}

void scan_plays(sqlite::Database &db, const PlayFilter &filter,
                const std::function<void(const PlayRecord &)> &visit) {
    // In time order; the index plays_by_time serves it.
    sqlite::Statement select(
        db, play_select_columns +
                "WHERE (?1 IS NULL OR coalesce(started_ms, scheduled_ms, planned_ms) >= ?1) "
                "AND (?2 IS NULL OR coalesce(started_ms, scheduled_ms, planned_ms) < ?2) "
                "AND (?3 IS NULL OR status = ?3) "
                "AND (?4 IS NULL OR scheduled_ms IS NULL OR scheduled_ms < ?4) "
                "ORDER BY coalesce(started_ms, scheduled_ms, planned_ms), play_id");
    const auto unix_ms = [](TimePoint instant) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(instant.time_since_epoch())
            .count();
    };
    if (filter.from)
        select.bind(1, unix_ms(*filter.from));
    if (filter.to)
        select.bind(2, unix_ms(*filter.to));
    if (filter.status)
        select.bind(3, to_string(*filter.status));
    if (filter.scheduled_before)
        select.bind(4, unix_ms(*filter.scheduled_before));
    PlayRecord record;
    while (select.step()) {
        read_play_row(select, record);
        visit(record);
    }
}

std::optional<ChainHead> chain_head(sqlite::Database &db) {
    sqlite::Statement select(db, "SELECT value FROM meta WHERE key = 'chain_head'");
    if (!select.step())
        return std::nullopt;
    const std::string value = select.column_text(0);
    select.reset();
    const auto colon = value.find(':');
    if (colon == std::string::npos)
        return std::nullopt;
    try {
        return ChainHead{std::stoll(value.substr(0, colon)), value.substr(colon + 1)};
    } catch (const std::exception &) {
        return ChainHead{std::numeric_limits<std::int64_t>::max(),
                         value}; // edited: no chain reaches it
    }
}

void set_chain_head(sqlite::Database &db, const ChainHead &head) {
    const auto upsert = db.cached("INSERT INTO meta (key, value) VALUES ('chain_head', ?1) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert->bind(1, std::to_string(head.seq) + ":" + head.row_hash).run();
}

} // namespace loa::playlog
