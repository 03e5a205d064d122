#pragma once
// Announcement ids: lowercase ASCII slugs, made from file names with Vietnamese
// diacritics folded ("Lừa đảo qua mạng.mp3" → "lua-dao-qua-mang").
#include <string>
#include <string_view>

namespace loa::library {

/// Folds UTF-8 text to a slug: letters and digits, runs of anything else → '-'.
std::string slugify(std::string_view text);

/// True for a valid id: 1-64 of [a-z0-9-], not starting or ending with '-'.
bool is_valid_id(std::string_view id) noexcept;

} // namespace loa::library
