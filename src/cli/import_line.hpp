#pragma once
// The line `loa import` prints for each file it stores, and `loa say` for its notice:
// id, length, rate, channels, format, loudness, and whether it was already there.
#include "library/library.hpp"

#include <string>

namespace loa::cli {

/// "ID<TAB>12.3 s<TAB>22050 Hz<TAB>1 ch<TAB>WAV 16 bit<TAB>-16.00 LUFS[<TAB>(replaced)]".
std::string import_line(const library::ImportResult &result);

} // namespace loa::cli
