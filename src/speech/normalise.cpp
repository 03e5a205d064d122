#include "speech/normalise.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace loa::speech {
namespace {

enum class Pause { none, short_pause, long_pause };

/// Collects the spoken words; a pause is written once before the next word, the
/// strongest of those asked for, so "!!" or ", (" make one pause and none leads.
class Words {
public:
    void word(std::string_view w) {
        if (w.empty())
            return;
        if (!m_out.empty()) {
            if (m_pause != Pause::none)
                m_out += m_pause == Pause::long_pause ? '.' : ',';
            m_out += ' ';
        }
        m_out += w;
        m_last.assign(w);
        m_pause = Pause::none;
    }
    void pause(Pause p) { m_pause = std::max(m_pause, p); }
    /// The last word said, to leave out a "ngày" the text already has.
    const std::string &last() const { return m_last; }
    std::string finish() {
        if (!m_out.empty() && m_pause != Pause::none)
            m_out += m_pause == Pause::long_pause ? '.' : ',';
        return m_out;
    }

private:
    std::string m_out;
    std::string m_last;
    Pause m_pause = Pause::none;
};

struct Abbreviation {
    std::string_view written;
    std::string_view spoken;
};

// Longest first where one begins another (km/h before km, TP.HCM before TP.).
constexpr std::array abbreviations{
    Abbreviation{"UBND", "ủy ban nhân dân"},
    Abbreviation{"HĐND", "hội đồng nhân dân"},
    Abbreviation{"MTTQ", "mặt trận tổ quốc"},
    Abbreviation{"SĐT", "số điện thoại"},
    Abbreviation{"TP.HCM", "thành phố Hồ Chí Minh"},
    Abbreviation{"HCM", "Hồ Chí Minh"},
    Abbreviation{"TP.", "thành phố"},
    Abbreviation{"TP", "thành phố"},
    Abbreviation{"TX.", "thị xã"},
    Abbreviation{"TT.", "thị trấn"},
    Abbreviation{"Q.", "quận"},
    Abbreviation{"P.", "phường"},
    Abbreviation{"km/h", "ki lô mét trên giờ"},
    Abbreviation{"km", "ki lô mét"},
    Abbreviation{"kg", "ki lô gam"},
    Abbreviation{"mm", "mi li mét"},
    Abbreviation{"cm", "xăng ti mét"},
    Abbreviation{"°C", "độ xê"},
    Abbreviation{"v.v.", "vân vân"},
};

struct Mark {
    std::string_view written;
    Pause pause;
    std::string_view spoken = {};
};

constexpr std::array marks{
    Mark{".", Pause::long_pause},  Mark{"!", Pause::long_pause},
    Mark{"?", Pause::long_pause},  Mark{";", Pause::long_pause},
    Mark{"…", Pause::long_pause},  Mark{",", Pause::short_pause},
    Mark{":", Pause::short_pause}, Mark{"(", Pause::short_pause},
    Mark{")", Pause::short_pause}, Mark{"[", Pause::short_pause},
    Mark{"]", Pause::short_pause}, Mark{"–", Pause::short_pause},
    Mark{"—", Pause::short_pause}, Mark{"\"", Pause::none},
    Mark{"“", Pause::none},        Mark{"”", Pause::none},
    Mark{"‘", Pause::none},        Mark{"’", Pause::none},
    Mark{"'", Pause::none},        Mark{"*", Pause::none},
    Mark{"/", Pause::none},        Mark{"%", Pause::none, "phần trăm"},
    Mark{"&", Pause::none, "và"},  Mark{"+", Pause::none, "cộng"},
};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
/// A letter of a word: ASCII letters and every byte of a UTF-8 sequence (Vietnamese).
bool is_letter(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

class Normaliser {
public:
    Normaliser(std::string_view text, Dialect dialect) : m_text(text), m_dialect(dialect) {}

    std::string run() {
        while (m_pos < m_text.size())
            step();
        return m_words.finish();
    }

private:
    char at(std::size_t i) const { return i < m_text.size() ? m_text[i] : '\0'; }
    bool after_letter() const { return m_pos > 0 && is_letter(m_text[m_pos - 1]); }

    void step() {
        if (is_space(at(m_pos))) {
            ++m_pos;
            return;
        }
        if ((!after_letter() && abbreviation()) || (is_digit(at(m_pos)) && number_like()) || mark())
            return;
        plain_word();
    }

    bool abbreviation() {
        for (const auto &a : abbreviations) {
            if (m_text.substr(m_pos, a.written.size()) != a.written)
                continue;
            const char next = at(m_pos + a.written.size());
            if (a.written.back() != '.' && (is_letter(next) || is_digit(next)))
                continue;
            m_pos += a.written.size();
            m_words.word(a.spoken);
            return true;
        }
        return false;
    }

    bool mark() {
        if (at(m_pos) == '\n')
            return line_break();
        if (at(m_pos) == '-') { // "Covid-19": a space; " - ": a short pause
            const bool joins =
                m_pos > 0 && !is_space(m_text[m_pos - 1]) && !is_space(at(m_pos + 1));
            m_words.pause(joins ? Pause::none : Pause::short_pause);
            ++m_pos;
            return true;
        }
        for (const auto &m : marks) {
            if (m_text.substr(m_pos, m.written.size()) != m.written)
                continue;
            m_pos += m.written.size();
            m_words.pause(m.pause);
            m_words.word(m.spoken);
            return true;
        }
        return false;
    }

    /// A line break inside a paragraph (hard-wrapped text) is a space; a blank line,
    /// or a new line that starts with a capital, a digit or a bullet, is a long pause.
    bool line_break() {
        int breaks = 0;
        for (; m_pos < m_text.size() && (is_space(m_text[m_pos]) || m_text[m_pos] == '\n'); ++m_pos)
            breaks += m_text[m_pos] == '\n' ? 1 : 0;
        const char next = at(m_pos);
        if (breaks > 1 || is_digit(next) || next == '-' || next == '*' || starts_capital(m_pos))
            m_words.pause(Pause::long_pause);
        return true;
    }

    /// A capital letter at `i`: ASCII, or the Vietnamese ones of Latin-1, Latin
    /// Extended-A/B (Ă Đ Ơ Ư) and Latin Extended Additional (even code points).
    bool starts_capital(std::size_t i) const {
        const auto b0 = static_cast<unsigned char>(at(i));
        if (b0 < 0x80)
            return b0 >= 'A' && b0 <= 'Z';
        const auto b1 = static_cast<unsigned char>(at(i + 1));
        const auto b2 = static_cast<unsigned char>(at(i + 2));
        std::uint32_t code = 0;
        if ((b0 & 0xE0) == 0xC0)
            code = (b0 & 0x1Fu) << 6 | (b1 & 0x3Fu);
        else if ((b0 & 0xF0) == 0xE0)
            code = (b0 & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu);
        if (code >= 0xC0 && code <= 0xDD)
            return code != 0xD7;
        if ((code >= 0x100 && code <= 0x17F) || (code >= 0x1EA0 && code <= 0x1EF9))
            return code % 2 == 0;
        return code == 0x1A0 || code == 0x1AF;
    }

    void plain_word() {
        const std::size_t begin = m_pos;
        while (m_pos < m_text.size() && !is_space(m_text[m_pos]) && !starts_mark(m_pos) &&
               !(m_pos > begin && is_digit(m_text[m_pos]) != is_digit(m_text[m_pos - 1])))
            ++m_pos;
        if (m_pos == begin) // a lone byte nothing else takes
            ++m_pos;
        m_words.word(m_text.substr(begin, m_pos - begin));
    }

    bool starts_mark(std::size_t i) const {
        if (m_text[i] == '-' || m_text[i] == '\n') // mark()'s own cases
            return true;
        return std::any_of(marks.begin(), marks.end(), [&](const Mark &m) {
            return m_text.substr(i, m.written.size()) == m.written;
        });
    }

    /// The digits from `i`: how many.
    std::size_t digits_at(std::size_t i) const {
        std::size_t n = 0;
        while (is_digit(at(i + n)))
            ++n;
        return n;
    }
    std::uint64_t value(std::size_t i, std::size_t n) const {
        std::uint64_t v = 0;
        for (std::size_t k = 0; k < n; ++k)
            v = v * 10 + static_cast<std::uint64_t>(m_text[i + k] - '0');
        return v;
    }
    /// A number token ends where no digit or letter follows.
    bool ends_at(std::size_t i) const { return !is_digit(at(i)) && !is_letter(at(i)); }

    bool number_like() { return date() || time_of_day() || digit_string() || number(); }

    bool date();
    bool time_of_day();
    bool digit_string();
    bool number();
    void say(std::uint64_t n) { m_words.word(read_number(n, m_dialect)); }
    void say_month(std::uint64_t month) {
        m_words.word("tháng");
        m_words.word(month == 4 ? "tư" : read_number(month, m_dialect));
    }

    std::string_view m_text;
    Dialect m_dialect;
    std::size_t m_pos = 0;
    Words m_words;
};

/// 17/7/2020, 17/7 (a day and month), or 7/2020 after "tháng".
bool Normaliser::date() {
    const std::size_t a = digits_at(m_pos);
    if (a > 2 || at(m_pos + a) != '/')
        return false;
    const std::size_t b_at = m_pos + a + 1, b = digits_at(b_at);
    const std::uint64_t first = value(m_pos, a), second = value(b_at, b);
    const bool after_thang = m_words.last() == "tháng" || m_words.last() == "Tháng";
    if (after_thang && b == 4 && first >= 1 && first <= 12 && ends_at(b_at + b)) {
        m_words.word(first == 4 ? "tư" : read_number(first, m_dialect));
        m_words.word("năm");
        say(second);
        m_pos = b_at + b;
        return true;
    }
    if (b < 1 || b > 2 || first < 1 || first > 31 || second < 1 || second > 12)
        return false;
    std::size_t end = b_at + b;
    std::optional<std::uint64_t> year;
    if (at(end) == '/' && digits_at(end + 1) == 4) {
        year = value(end + 1, 4);
        end += 5;
    }
    if (!ends_at(end) || at(end) == '/')
        return false;
    if (m_words.last() != "ngày" && m_words.last() != "Ngày")
        m_words.word("ngày");
    say(first);
    say_month(second);
    if (year) {
        m_words.word("năm");
        say(*year);
    }
    m_pos = end;
    return true;
}

/// 06:15, 6h15, 6h, 6g30: hours and minutes.
bool Normaliser::time_of_day() {
    const std::size_t h = digits_at(m_pos);
    const char separator = at(m_pos + h);
    if (h > 2 || (separator != ':' && separator != 'h' && separator != 'g'))
        return false;
    const std::size_t m = digits_at(m_pos + h + 1);
    const std::uint64_t hours = value(m_pos, h);
    const std::uint64_t minutes = m == 2 ? value(m_pos + h + 1, 2) : 0;
    const std::size_t end = m_pos + h + 1 + m;
    if (hours > 24 || minutes > 59 || !ends_at(end) || (m != 2 && (m != 0 || separator == ':')))
        return false;
    say(hours);
    m_words.word("giờ");
    if (minutes > 0) {
        say(minutes);
        m_words.word("phút");
    }
    m_pos = end;
    return true;
}

/// A phone number or code: a run starting with 0 of four digits or more, or any run
/// longer than twelve; read digit by digit.
bool Normaliser::digit_string() {
    const std::size_t n = digits_at(m_pos);
    if (!((m_text[m_pos] == '0' && n >= 4) || n > 12) || !ends_at(m_pos + n))
        return false;
    m_words.word(read_digits(m_text.substr(m_pos, n)));
    m_pos += n;
    return true;
}

/// 2.019 or 2019, and a decimal part after a comma: 3,5 → ba phẩy năm.
bool Normaliser::number() {
    std::size_t end = m_pos + digits_at(m_pos);
    std::uint64_t whole = value(m_pos, end - m_pos);
    if (end - m_pos <= 3)
        while (at(end) == '.' && digits_at(end + 1) == 3) {
            whole = whole * 1000 + value(end + 1, 3);
            end += 4;
        }
    say(whole);
    if (at(end) == ',' && digits_at(end + 1) > 0) {
        const std::size_t n = digits_at(end + 1);
        m_words.word("phẩy");
        if (m_text[end + 1] == '0' || n > 12)
            m_words.word(read_digits(m_text.substr(end + 1, n)));
        else
            say(value(end + 1, n));
        end += 1 + n;
    }
    if (at(end) == '/' && is_digit(at(end + 1))) { // 24/24, 3/4: "trên"
        m_words.word("trên");
        ++end;
    }
    m_pos = end;
    return true;
}

} // namespace

std::string normalise(std::string_view text, const NormaliseOptions &options) {
    const std::string once = Normaliser(text, options.dialect).run();
    std::string out = once;
    for (int i = 1; i < options.times && !once.empty(); ++i) {
        if (out.back() == ',')
            out.back() = '.';
        else if (out.back() != '.')
            out += '.';
        out += " Xin nhắc lại. " + once;
    }
    return out;
}

} // namespace loa::speech
