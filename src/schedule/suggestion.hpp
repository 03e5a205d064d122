#pragma once
// "Did you mean ...?" for misspelt keys, day names, priorities and slot ids.
// Internal to the schedule module.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace loa::schedule {

/// A spelling an operator is likely to use for a word that has another name here,
/// e.g. "time" for "at". Matched exactly after ASCII lower-casing.
struct Alias {
    std::string_view written;
    std::string_view meant;
};

/// Edit distance counting insertions, deletions, substitutions and swaps of two
/// neighbouring letters (optimal string alignment), ASCII case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate `word` most likely stands for: an alias first, then the closest
/// candidate within a third of the word's length (at least one edit, none for words
/// shorter than three letters but for letter case). Nullopt if none.
std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates,
                                   std::span<const Alias> aliases = {});

/// ASCII lower case; other bytes (UTF-8 of Vietnamese letters) unchanged.
std::string lower_ascii(std::string_view text);

/// "'a', 'b' and 'c'" for messages.
std::string quoted_list(std::span<const std::string_view> words);

} // namespace loa::schedule
