// Typed notices made into speech through the real parts: espeak-ng in process, the
// levelling, the WAV, the library's import that measures it, and the gain the
// player would give it; and station.toml's [tts] command, working and failing.
#include "common/temp_dir.hpp"
#include "core/error.hpp"
#include "lib/sqlite/database.hpp"
#include "library/library.hpp"
#include "playlog/play_log.hpp"
#include "playout/gain.hpp"
#include "speech/bulletin.hpp"
#include "speech/wav_file.hpp"
#include "station/home.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

namespace {

constexpr double target_lufs = -16.0;
constexpr double max_boost_db = 12.0;

const char *const notice = "UBND xã Hòa Bình thông báo: theo Trung tâm dự báo, ngày 17/7/2020 "
                           "bão số 2 sẽ đổ bộ vào lúc 06:15, gió mạnh 60 km/h. Bà con chú ý "
                           "chằng chống nhà cửa, không ra biển. Mọi thông tin xin gọi 0912345678.";

struct Station {
    loa::test::TempDir dir;
    loa::station::Home home{dir / "home"};
    std::unique_ptr<loa::sqlite::Database> db;
    Station() {
        home.initialise({});
        db = home.open_database();
    }
    loa::library::Announcement import(const loa::speech::Speech &speech) {
        const auto wav = dir / "thong-bao.wav";
        loa::speech::write_wav(wav, speech);
        const loa::playlog::PlayLog log(*db, "T", loa::TimeZone::load("Asia/Ho_Chi_Minh"));
        loa::library::Library library(*db, home.library_path(),
                                      [&log] { return log.played_content(); });
        loa::library::ImportRequest request{wav};
        request.spoken_text = notice;
        return library.import(request, "2026-12-04T10:00:00.000+07:00").announcement;
    }
};

loa::speech::BulletinRequest request_in(const loa::test::TempDir &dir) {
    loa::speech::BulletinRequest request;
    request.text = notice;
    request.target_lufs = target_lufs;
    request.scratch = dir.path();
    return request;
}

std::size_t words_in(const std::string &text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
}

} // namespace

TEST_CASE("a typed notice becomes an announcement at the station's loudness", "[speech]") {
    Station station;
    const auto bulletin = loa::speech::make_bulletin(request_in(station.dir));
    CHECK_FALSE(bulletin.problem);
    const auto a = station.import(bulletin.speech);
    CHECK_FALSE(a.silent);
    CHECK(a.spoken_text == std::string(notice));
    REQUIRE(a.loudness_lufs);
    REQUIRE(a.true_peak_dbtp);
    CHECK(std::fabs(*a.loudness_lufs - target_lufs) < 0.5);
    CHECK(*a.true_peak_dbtp <= loa::playout::true_peak_ceiling_dbtp);
    // What the player makes of it: the gain reaches the target, the peak limit does not bite.
    const double gain = loa::playout::loudness_gain_db(target_lufs, a.loudness_lufs,
                                                       a.true_peak_dbtp, max_boost_db);
    CHECK(std::fabs(*a.loudness_lufs + gain - target_lufs) < 0.2);
    // About 150 words a minute, pauses included: well within half to twice that.
    const double expected_s = static_cast<double>(words_in(bulletin.spoken)) * 60.0 / 150.0;
    const double seconds = static_cast<double>(a.duration_ms) / 1000.0;
    CAPTURE(bulletin.spoken, seconds, expected_s);
    CHECK(seconds > expected_s * 0.5);
    CHECK(seconds < expected_s * 2.0);
}

TEST_CASE("an emergency said twice lasts about twice as long", "[speech]") {
    loa::test::TempDir dir;
    auto request = request_in(dir);
    const double once = loa::speech::make_bulletin(request).speech.seconds();
    request.times = 2;
    const auto twice = loa::speech::make_bulletin(request);
    CHECK(twice.spoken.find("Xin nhắc lại") != std::string::npos);
    CHECK(twice.speech.seconds() > once * 1.9);
    CHECK(twice.speech.seconds() < once * 2.3);
}

TEST_CASE("an unknown voice is refused by name", "[speech]") {
    loa::test::TempDir dir;
    auto request = request_in(dir);
    request.voice = "en";
    CHECK_THROWS_WITH(loa::speech::make_bulletin(request),
                      Catch::Contains("'en'") && Catch::Contains("vi-VN-x-south"));
}

TEST_CASE("[tts] command: its WAV is used, brought to the target", "[speech]") {
    loa::test::TempDir dir;
    auto request = request_in(dir);
    request.command = "cat > '" + (dir / "heard.txt").string() +
                      "' && sox -n -r 16000 -c 1 -b 16 -t wav - synth 3 sine 300 vol 0.3";
    const auto bulletin = loa::speech::make_bulletin(request);
    CHECK_FALSE(bulletin.problem);
    CHECK(bulletin.speech.sample_rate == 16000);
    CHECK(std::fabs(bulletin.speech.seconds() - 3.0) < 0.01);
    CHECK(std::filesystem::file_size(dir / "heard.txt") == bulletin.spoken.size());
    Station station;
    const auto a = station.import(bulletin.speech);
    REQUIRE(a.loudness_lufs);
    CHECK(std::fabs(*a.loudness_lufs - target_lufs) < 0.5);
}

TEST_CASE("[tts] command: when it fails, espeak-ng reads and the problem is told", "[speech]") {
    loa::test::TempDir dir;
    auto request = request_in(dir);
    const auto [command, why] = GENERATE(table<std::string, std::string>({
        {"cat >/dev/null; exit 3", "status 3"},
        {"cat >/dev/null; echo not a wav", "no WAV"},
        {"sleep 10", "did not finish"},
        {"/nonexistent/voice", "127"},
    }));
    request.command = command;
    request.timeout = std::chrono::milliseconds(500);
    const auto bulletin = loa::speech::make_bulletin(request);
    REQUIRE(bulletin.problem);
    CHECK_THAT(*bulletin.problem,
               Catch::Contains(command) && Catch::Contains(why) && Catch::Contains("espeak-ng"));
    CHECK(bulletin.speech.sample_rate == 22050); // espeak-ng's
    CHECK(bulletin.speech.seconds() > 10.0);
}
