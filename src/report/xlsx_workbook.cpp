#include "report/xlsx_workbook.hpp"

#include "core/durable_file.hpp"
#include "core/error.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace loa::report {

Workbook::Workbook(const std::filesystem::path &path) : m_path(path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    m_book = workbook_new_opt(path.c_str(), &options);
    if (!m_book)
        throw Error("cannot create " + quote(path) + ": check that the folder exists and is writable");
}

Workbook::~Workbook() {
    if (m_book)
        workbook_close(m_book);
}

void Workbook::close() {
    const lxw_error error = workbook_close(m_book);
    m_book = nullptr;
    if (error != LXW_NO_ERROR)
        throw Error("cannot write " + quote(m_path) + ": " + lxw_strerror(error));
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
        throw Error("cannot write " + quote(to) + ": the disk may be full or failing");
    }
    sync_directory(to.has_parent_path() ? to.parent_path() : std::filesystem::path("."));
}

} // namespace loa::report
