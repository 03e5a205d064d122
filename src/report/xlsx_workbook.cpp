#include "report/xlsx_workbook.hpp"

#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace loa::report {

Workbook::Workbook(const std::filesystem::path &path, bool streamed) : m_path(path) {
    lxw_workbook_options options{};
    options.constant_memory = streamed ? LXW_TRUE : LXW_FALSE;
    m_book = workbook_new_opt(path.c_str(), &options);
    if (!m_book)
        throw Error(i18n::format(_("cannot create {1}: check that the folder exists and is "
                                   "writable"),
                                 quote(path)));
}

Workbook::~Workbook() {
    if (m_book)
        workbook_close(m_book);
}

void Workbook::close() {
    const lxw_error error = workbook_close(m_book);
    m_book = nullptr;
    if (error != LXW_NO_ERROR)
        throw Error(i18n::format(_("cannot write {1}: {2}"), quote(m_path), lxw_strerror(error)));
}

namespace {

constexpr double margin_top = 0.75, margin_bottom = 0.75; // inches; header and footer sit inside

/// Width of one code point in Excel characters (Calibri 11's digit, 7 pixels),
/// a little over Calibri's (and Carlito's) own: lower case 5.5 pixels, capitals
/// (Vietnamese ones too) 8, a space 2.5, punctuation about 3.
double glyph_width(char32_t c) {
    if (c == ' ')
        return 0.4;
    if (c == '.' || c == ',' || c == ':' || c == ';' || c == '(' || c == ')' || c == '-' ||
        c == '/' || c == 'i' || c == 'l' || c == 'j' || c == 't')
        return 0.55;
    if ((c >= 'A' && c <= 'Z') || c == U'Đ' || (c >= 0xC0 && c <= 0xDD) ||
        (c >= 0x1EA0 && c <= 0x1EF9 && c % 2 == 0))
        return 1.25;
    return 0.9;
}

/// The words of a UTF-8 text with their widths (combining marks take no width).
std::vector<double> word_widths(std::string_view text, double &space) {
    std::vector<double> words{0};
    space = glyph_width(' ');
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? byte : byte & (0x7F >> length);
        for (int k = 1; k < length && i + k < text.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += length;
        if (c == ' ' || c == '\n') {
            if (words.back() > 0)
                words.push_back(0);
        } else if (c < 0x300 || c > 0x36F) {
            words.back() += glyph_width(c);
        }
    }
    return words;
}

} // namespace

void set_up_printing(lxw_worksheet *sheet, const PrintSetup &setup) {
    worksheet_set_paper(sheet, 9); // A4
    if (setup.landscape)
        worksheet_set_landscape(sheet);
    else
        worksheet_set_portrait(sheet);
    // One page wide, as many tall as it takes. Excel keeps manual page breaks in
    // this mode (not with a fixed number of pages tall).
    worksheet_fit_to_pages(sheet, 1, 0);
    worksheet_set_margins(sheet, 0.8, 0.6, margin_top, margin_bottom);
    worksheet_center_horizontally(sheet);
    if (setup.repeat_rows > 0)
        worksheet_repeat_rows(sheet, 0, static_cast<lxw_row_t>(setup.repeat_rows - 1));
    if (!setup.header.empty())
        worksheet_set_header(sheet, ("&C" + setup.header).c_str());
    worksheet_set_footer(sheet, "&CTrang &P/&N");
}

int wrapped_lines(std::string_view text, double width, bool bold) {
    double space = 0;
    const double room = (width - 0.3) / (bold ? 1.12 : 1.0); // less the cell's padding
    int lines = 1;
    double used = 0;
    for (std::size_t start = 0, end = 0; start <= text.size(); start = end + 1) {
        end = std::min(text.find('\n', start), text.size());
        lines += start > 0;
        used = 0;
        for (const double word : word_widths(text.substr(start, end - start), space)) {
            if (used > 0 && used + space + word > room) {
                ++lines;
                used = 0;
            }
            used += (used > 0 ? space : 0) + word;
            lines += static_cast<int>(used / room); // a word longer than the line breaks anyway
            used = used > room ? std::fmod(used, room) : used;
        }
    }
    return lines;
}

double printable_height(bool landscape) {
    return (landscape ? 595.0 : 842.0) - 72.0 * (margin_top + margin_bottom);
}

std::optional<lxw_datetime> excel_date(const std::optional<std::string> &iso) {
    if (!iso || iso->size() < 19)
        return std::nullopt;
    try {
        lxw_datetime date{};
        date.year = std::stoi(iso->substr(0, 4));
        date.month = std::stoi(iso->substr(5, 2));
        date.day = std::stoi(iso->substr(8, 2));
        date.hour = std::stoi(iso->substr(11, 2));
        date.min = std::stoi(iso->substr(14, 2));
        date.sec = std::stod(iso->substr(17, iso->size() > 23 && (*iso)[19] == '.' ? 6 : 2));
        return date;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

void sync_and_rename(const std::filesystem::path &from, const std::filesystem::path &to) {
    const int fd = ::open(from.c_str(), O_RDONLY);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0)
        ::close(fd);
    std::error_code ec;
    if (synced)
        std::filesystem::rename(from, to, ec);
    if (!synced || ec) {
        std::filesystem::remove(from, ec);
        throw Error(
            i18n::format(_("cannot write {1}: the disk may be full or failing"), quote(to)));
    }
    sync_directory(to.has_parent_path() ? to.parent_path() : std::filesystem::path("."));
}

} // namespace loa::report
