#pragma once
// Which keys each part of a schedule file may hold, and the report of any other
// key: a misspelling ("did you mean 'title'?"), a key of another block (one written
// below the wrong [[...]] line), or a list of the keys allowed. Internal.
#include "schedule/diagnostic.hpp"
#include "schedule/suggestion.hpp"

#include <toml++/toml.h>

#include <span>
#include <string_view>

namespace loa::schedule {

struct TableRules {
    std::string_view where; ///< "in [[slot]]", for messages.
    std::string_view block; ///< "in a [[slot]] block", for "belongs ..." hints.
    std::span<const std::string_view> keys;
    std::span<const Alias> aliases; ///< Other names operators use for these keys.
};

const TableRules &top_level_rules() noexcept;
const TableRules &slot_rules() noexcept;
const TableRules &skip_rules() noexcept;

/// Reports every key of `table` that `rules` do not allow, at the key.
void check_keys(const toml::table &table, const TableRules &rules, DiagnosticList &out);

} // namespace loa::schedule
