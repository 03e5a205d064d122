#pragma once
// Bounds on what reaches the TOML parser. toml++ recurses once per part of a dotted
// key and per nested array or inline table, so a file of a few hundred kB with a
// header of tens of thousands of parts overflows the stack (SIGSEGV). Every TOML
// reader (schedules, station.toml) runs this pre-scan first and refuses the file
// at the place where it passes a bound. The scan only tracks strings, comments,
// brackets and dots; everything else it leaves to the parser, which stops at the
// first syntax error, so the two agree wherever the parser gets to.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace loa {

/// Far beyond any real file: a generated province schedule of 10,000 slots is about
/// 1 MB, a station.toml under 2 kB, and loa's own keys have at most two parts.
struct TomlBounds {
    std::size_t max_bytes = std::size_t{16} * 1024 * 1024;
    int max_nesting = 32;   ///< Arrays and inline tables inside one another.
    int max_key_parts = 32; ///< Parts of one dotted key or table header: a.b.c is 3.
};

/// Where a file passes a bound and what to do, for "FILE:LINE:COL: message".
struct TomlBoundsProblem {
    int line = 1;   ///< 1-based.
    int column = 1; ///< 1-based, in characters (UTF-8 code points).
    std::string message;
};

/// The first place where `text` passes one of `bounds`, or nullopt. Linear in the
/// size of the text, constant memory. Never throws but std::bad_alloc.
std::optional<TomlBoundsProblem> find_toml_bounds_problem(std::string_view text,
                                                          const TomlBounds &bounds = {});

} // namespace loa
