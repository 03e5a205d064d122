#pragma once
// How Vietnamese reads numbers aloud: groups of three digits with nghìn (ngàn in the
// south), triệu and tỷ; "không trăm" inside a number (2019: hai nghìn không trăm
// mười chín); linh (lẻ in the south) for a zero ten; mười for ten but mươi for
// twenty and up; mốt for a final 1 after twenty and up, lăm for a final 5 after
// ten and up, tư for a final 4 after twenty and up. Pure functions.
#include <cstdint>
#include <string>
#include <string_view>

namespace loa::speech {

/// Which region's words: the north's (linh, nghìn) or the south's (lẻ, ngàn).
enum class Dialect { north, south };

/// The words of `number`, e.g. 2019 → "hai nghìn không trăm mười chín".
std::string read_number(std::uint64_t number, Dialect dialect = Dialect::north);

/// Each digit of `digits` by its name (a phone number): "09" → "không chín".
/// Characters other than digits are skipped.
std::string read_digits(std::string_view digits);

} // namespace loa::speech
