#include "library/slug.hpp"
#include "core/i18n.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace loa::library {
namespace {

// Base letters of Vietnamese (and common Latin) accented letters, by code point.
constexpr std::array<std::pair<std::u32string_view, char>, 9> folds{{
    {U"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåÄÅ", 'a'},
    {U"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆëË", 'e'},
    {U"ìíỉĩịÌÍỈĨỊïîÏÎ", 'i'},
    {U"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöÖ", 'o'},
    {U"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰüûÜÛ", 'u'},
    {U"ỳýỷỹỵỲÝỶỸỴÿ", 'y'},
    {U"đĐ", 'd'},
    {U"çÇ", 'c'},
    {U"ñÑ", 'n'},
}};

/// Decodes one UTF-8 code point at `at`, advancing it; invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t &at) {
    const auto byte = static_cast<unsigned char>(text[at++]);
    int extra = 0;
    char32_t value = byte;
    if (byte >= 0xf0) {
        extra = 3;
        value = byte & 0x07;
    } else if (byte >= 0xe0) {
        extra = 2;
        value = byte & 0x0f;
    } else if (byte >= 0xc0) {
        extra = 1;
        value = byte & 0x1f;
    } else if (byte >= 0x80) {
        return 0xfffd;
    }
    for (; extra > 0; --extra) {
        if (at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xc0) != 0x80)
            return 0xfffd;
        value = (value << 6) | (static_cast<unsigned char>(text[at++]) & 0x3f);
    }
    return value;
}

char fold(char32_t c) {
    if (c >= 'A' && c <= 'Z')
        return static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return static_cast<char>(c);
    for (const auto &[letters, base] : folds)
        if (letters.find(c) != std::u32string_view::npos)
            return base;
    return 0;
}

} // namespace

std::string slugify(std::string_view text) {
    std::string slug;
    bool pending_dash = false;
    for (std::size_t at = 0; at < text.size();) {
        const char c = fold(next_code_point(text, at));
        if (c == 0) {
            pending_dash = !slug.empty();
            continue;
        }
        if (pending_dash)
            slug.push_back('-');
        pending_dash = false;
        slug.push_back(c);
    }
    if (slug.size() > 64)
        slug.resize(64);
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return slug;
}

bool is_valid_id(std::string_view id) noexcept {
    if (id.empty() || id.size() > max_id_length || id.front() == '-' || id.back() == '-')
        return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

std::string why_not_an_id(std::string_view id) {
    constexpr std::size_t max_echo = 40;
    std::string echo(id.substr(0, max_echo));
    if (id.size() > max_echo) {
        while (!echo.empty() && (static_cast<unsigned char>(echo.back()) & 0xc0) == 0x80)
            echo.pop_back(); // Not half a letter.
        if (!echo.empty() && static_cast<unsigned char>(echo.back()) >= 0xc0)
            echo.pop_back();
        echo += "…";
    }
    for (char &c : echo)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    if (id.empty())
        return _("an announcement id cannot be empty: use lowercase letters, digits and '-', e.g. "
                 "lua-dao-01");
    std::size_t letters = 0;
    for (const char c : id)
        letters += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
    if (letters > max_id_length)
        return i18n::format(_("'{1}' ({2} characters) is too long for an announcement id, which "
                              "has at most {3}: shorten it, e.g. lua-dao-01"),
                            echo, std::to_string(letters), std::to_string(max_id_length));
    return i18n::format(_("'{1}' cannot be an announcement id: use lowercase letters, digits and "
                          "'-', e.g. lua-dao-01"),
                        echo);
}

} // namespace loa::library
