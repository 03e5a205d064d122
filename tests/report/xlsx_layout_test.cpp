#include "report/xlsx_workbook.hpp"

#include <catch2/catch.hpp>

using loa::report::wrapped_lines;

TEST_CASE("a wrapped cell's lines are counted at word boundaries, erring long") {
    // As LibreOffice prints them with Carlito (Calibri's metrics), seen in the PDFs.
    CHECK(wrapped_lines("Bỏ lỡ", 10) == 1);
    CHECK(wrapped_lines("mất điện lúc 12:00, quá 10 phút", 22) == 2);
    CHECK(wrapped_lines(
              "Phòng, chống lừa đảo chiếm đoạt tài sản trên không gian mạng (498/STTTT-TTBCBC)",
              24) >= 3);
    CHECK(wrapped_lines("Đã phát theo lịch (lượt)", 11, true) == 2);
    CHECK(wrapped_lines("", 10) == 1);
}

TEST_CASE("capitals and bold take more room, a long word breaks, a newline starts a line") {
    CHECK(wrapped_lines("THỦ TRƯỞNG ĐƠN VỊ", 10) > wrapped_lines("thủ trưởng đơn vị", 10));
    CHECK(wrapped_lines("Khung giờ, mục", 12, true) == 2);
    CHECK(wrapped_lines("a3f1c9e0b7d24a6f8e5c1b0d9f7a2e4c", 10) >= 3);
    CHECK(wrapped_lines("một\nhai\nba", 30) == 3);
}
