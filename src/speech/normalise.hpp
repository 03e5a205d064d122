#pragma once
// Vietnamese text made ready to be read aloud: what a synthesiser would misread is
// written out as words. Numbers ("2.019" with '.' between thousands, "3,5" with a
// decimal comma), dates ("17/7/2020" → ngày mười bảy tháng bảy năm hai nghìn không
// trăm hai mươi), times ("06:15", "6h15"), phone numbers (a run of digits starting
// with 0, read digit by digit), the abbreviations of notices (UBND, TP., Q., P.,
// km/h, %...). Punctuation becomes the two pauses a voice knows: ',' short and '.'
// long; quotes, brackets and other marks go. A pure function: the same text gives
// the same words, whatever voice reads them.
#include "speech/vietnamese_numbers.hpp"

#include <string>
#include <string_view>

namespace loa::speech {

struct NormaliseOptions {
    Dialect dialect = Dialect::north;
    /// How many times the notice is said, with "xin nhắc lại" between (2 for an
    /// emergency, when station.toml's [tts] repeat_emergency is on). At least 1.
    int times = 1;
};

/// The words to speak for `text` (UTF-8), with ',' and '.' as the only pauses.
std::string normalise(std::string_view text, const NormaliseOptions &options = {});

} // namespace loa::speech
