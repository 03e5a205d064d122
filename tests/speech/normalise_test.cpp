// The normaliser by a table: what a notice says, and the words it becomes.
#include "speech/normalise.hpp"
#include "speech/vietnamese_numbers.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

using loa::speech::Dialect;
using loa::speech::normalise;
using loa::speech::NormaliseOptions;
using loa::speech::read_number;

TEST_CASE("numbers read the Vietnamese way", "[speech]") {
    const auto [number, words] = GENERATE(table<std::uint64_t, std::string>({
        {0, "không"},
        {1, "một"},
        {5, "năm"},
        {10, "mười"},
        {11, "mười một"},
        {14, "mười bốn"},
        {15, "mười lăm"},
        {20, "hai mươi"},
        {21, "hai mươi mốt"},
        {24, "hai mươi tư"},
        {25, "hai mươi lăm"},
        {101, "một trăm linh một"},
        {105, "một trăm linh năm"},
        {110, "một trăm mười"},
        {115, "một trăm mười lăm"},
        {1000, "một nghìn"},
        {2019, "hai nghìn không trăm mười chín"},
        {2020, "hai nghìn không trăm hai mươi"},
        {10005, "mười nghìn không trăm linh năm"},
        {1000000, "một triệu"},
        {1000005, "một triệu không trăm linh năm"},
        {3500000, "ba triệu năm trăm nghìn"},
        {1000000000, "một tỷ"},
        {2000000001, "hai tỷ không trăm linh một"},
        {5000000000000, "năm nghìn tỷ"},
    }));
    CAPTURE(number);
    CHECK(read_number(number) == words);
}

TEST_CASE("the south says lẻ and ngàn", "[speech]") {
    CHECK(read_number(105, Dialect::south) == "một trăm lẻ năm");
    CHECK(read_number(2019, Dialect::south) == "hai ngàn không trăm mười chín");
}

TEST_CASE("a notice's text becomes words to speak", "[speech]") {
    const auto [text, words] = GENERATE(table<std::string, std::string>({
        // numbers, '.' between thousands and ',' before decimals
        {"2.019 cụm loa", "hai nghìn không trăm mười chín cụm loa"},
        {"có 21 hộ", "có hai mươi mốt hộ"},
        {"mưa 3,5 mm", "mưa ba phẩy năm mi li mét"},
        {"1.250.000 đồng", "một triệu hai trăm năm mươi nghìn đồng"},
        // dates
        {"17/7/2020", "ngày mười bảy tháng bảy năm hai nghìn không trăm hai mươi"},
        {"ngày 17/7/2020", "ngày mười bảy tháng bảy năm hai nghìn không trăm hai mươi"},
        {"từ 01/4 đến 5/4", "từ ngày một tháng tư đến ngày năm tháng tư"},
        {"tháng 7/2020", "tháng bảy năm hai nghìn không trăm hai mươi"},
        // times
        {"06:15", "sáu giờ mười lăm phút"},
        {"lúc 14:00", "lúc mười bốn giờ"},
        {"lúc 6h30 sáng", "lúc sáu giờ ba mươi phút sáng"},
        // phone numbers, digit by digit
        {"gọi 0912345678", "gọi không chín một hai ba bốn năm sáu bảy tám"},
        // abbreviations
        {"UBND xã", "ủy ban nhân dân xã"},
        {"TP. Huế", "thành phố Huế"},
        {"Q. 1, P. Bến Nghé", "quận một, phường Bến Nghé"},
        {"tốc độ 50 km/h", "tốc độ năm mươi ki lô mét trên giờ"},
        {"cách 15km", "cách mười lăm ki lô mét"},
        {"giảm 30%", "giảm ba mươi phần trăm"},
        {"HĐND và UBND", "hội đồng nhân dân và ủy ban nhân dân"},
        // punctuation to pauses: ',' short, '.' long, marks dropped, none leading
        {"Chú ý: bão số 2 (rất mạnh)!", "Chú ý, bão số hai, rất mạnh."},
        {"Thông báo. Bà con chú ý!!", "Thông báo. Bà con chú ý."},
        {"\"Khẩn cấp\" - sơ tán", "Khẩn cấp, sơ tán"},
        {"Covid-19", "Covid mười chín"},
        {"Dòng một\nDòng hai", "Dòng một. Dòng hai"},
        {"Tiêu đề\nĐường ngập", "Tiêu đề. Đường ngập"},
        {"đèn pin cho\nít nhất 3 ngày", "đèn pin cho ít nhất ba ngày"},
        {"hết đoạn\n\nđoạn sau", "hết đoạn. đoạn sau"},
        {"trực 24/24 giờ", "trực hai mươi tư trên hai mươi tư giờ"},
        {"mưa 200 mm", "mưa hai trăm mi li mét"},
        {"  ...  ", ""},
    }));
    CAPTURE(text);
    CHECK(normalise(text) == words);
}

TEST_CASE("an emergency is said twice", "[speech]") {
    NormaliseOptions twice;
    twice.times = 2;
    CHECK(normalise("Bão số 2 đổ bộ lúc 06:15", twice) ==
          "Bão số hai đổ bộ lúc sáu giờ mười lăm phút. Xin nhắc lại. Bão số hai đổ bộ lúc sáu "
          "giờ mười lăm phút");
    CHECK(normalise("Sơ tán ngay!", twice) == "Sơ tán ngay. Xin nhắc lại. Sơ tán ngay.");
    CHECK(normalise("", twice).empty());
}
