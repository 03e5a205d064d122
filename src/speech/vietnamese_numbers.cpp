#include "speech/vietnamese_numbers.hpp"

#include <array>

namespace loa::speech {
namespace {

constexpr std::array<const char *, 10> digit_names{"không", "một", "hai", "ba",  "bốn",
                                                   "năm",   "sáu", "bảy", "tám", "chín"};

void add(std::string &out, std::string_view word) {
    if (!out.empty())
        out += ' ';
    out += word;
}

/// The units digit after its tens: mốt, tư and lăm where the language wants them.
const char *units_word(int tens, int units) {
    if (units == 1 && tens >= 2)
        return "mốt";
    if (units == 4 && tens >= 2)
        return "tư";
    if (units == 5 && tens >= 1)
        return "lăm";
    return digit_names[static_cast<std::size_t>(units)];
}

/// One group of three digits (1..999, or 0 inside a number). `inside`: a group after
/// the first, which says its hundreds even when they are zero.
std::string read_group(int group, bool inside, Dialect dialect) {
    const int hundreds = group / 100, tens = group / 10 % 10, units = group % 10;
    std::string out;
    if (hundreds > 0 || inside) {
        add(out, digit_names[static_cast<std::size_t>(hundreds)]);
        add(out, "trăm");
    }
    if (tens == 0 && units > 0 && (hundreds > 0 || inside))
        add(out, dialect == Dialect::south ? "lẻ" : "linh");
    else if (tens == 1)
        add(out, "mười");
    else if (tens >= 2) {
        add(out, digit_names[static_cast<std::size_t>(tens)]);
        add(out, "mươi");
    }
    if (units > 0)
        add(out, units_word(tens, units));
    return out;
}

/// A number below a thousand million, its groups named nghìn and triệu. `inside`:
/// it follows a higher part (tỷ), so its first group says its hundreds too.
std::string read_below_billion(std::uint64_t number, bool inside, Dialect dialect) {
    const std::array<std::uint64_t, 3> groups{number / 1000000, number / 1000 % 1000,
                                              number % 1000};
    const std::array<const char *, 3> scales{"triệu", dialect == Dialect::south ? "ngàn" : "nghìn",
                                             ""};
    std::string out;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (groups[i] == 0)
            continue;
        add(out, read_group(static_cast<int>(groups[i]), inside || !out.empty(), dialect));
        if (*scales[i])
            add(out, scales[i]);
    }
    return out;
}

} // namespace

std::string read_number(std::uint64_t number, Dialect dialect) {
    constexpr std::uint64_t billion = 1000000000;
    if (number == 0)
        return digit_names[0];
    if (number < billion)
        return read_below_billion(number, false, dialect);
    std::string out = read_number(number / billion, dialect) + " tỷ";
    if (number % billion != 0)
        add(out, read_below_billion(number % billion, true, dialect));
    return out;
}

std::string read_digits(std::string_view digits) {
    std::string out;
    for (const char c : digits)
        if (c >= '0' && c <= '9')
            add(out, digit_names[static_cast<std::size_t>(c - '0')]);
    return out;
}

} // namespace loa::speech
