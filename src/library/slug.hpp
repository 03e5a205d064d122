#pragma once
// Announcement ids: lowercase ASCII slugs, made from file names with Vietnamese
// diacritics folded ("Lừa đảo qua mạng.mp3" → "lua-dao-qua-mang").
#include <cstddef>
#include <string>
#include <string_view>

namespace loa::library {

/// Folds UTF-8 text to a slug: letters and digits, runs of anything else → '-'.
std::string slugify(std::string_view text);

/// The longest id: it appears in every log row, report and schedule line.
inline constexpr std::size_t max_id_length = 64;

/// True for a valid id: 1-64 of [a-z0-9-], not starting or ending with '-'.
bool is_valid_id(std::string_view id) noexcept;

/// Why `id` is not a valid id, for the operator: names the rule it breaks and quotes
/// at most 40 characters of it (an id of 10 kB is not echoed back).
std::string why_not_an_id(std::string_view id);

} // namespace loa::library
