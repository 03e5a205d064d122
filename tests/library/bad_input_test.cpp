// Files an operator will meet that must be refused, each with one line naming the
// file, what is wrong and what to do, and nothing stored.
#include "common/temp_dir.hpp"
#include "core/durable_file.hpp"
#include "core/error.hpp"
#include "generated_audio.hpp"
#include "library/audio_probe.hpp"

#include <sndfile.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

namespace {

std::string read_bytes(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A WAV header (RIFF, fmt, data) for `format_tag` with `data_bytes` declared.
std::string wav_header(std::uint16_t format_tag, std::uint32_t data_bytes) {
    std::string h;
    const auto u32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            h.push_back(static_cast<char>(v >> (8 * i)));
    };
    const auto u16 = [&](std::uint16_t v) {
        for (int i = 0; i < 2; ++i)
            h.push_back(static_cast<char>(v >> (8 * i)));
    };
    h += "RIFF";
    u32(36 + data_bytes);
    h += "WAVEfmt ";
    u32(16);
    u16(format_tag);
    u16(2);
    u32(44100);
    u32(44100 * 4);
    u16(4);
    u16(16);
    h += "data";
    u32(data_bytes);
    return h;
}

std::string message_of(const std::filesystem::path &file, loa::library::LengthLimit limit = {}) {
    try {
        loa::library::probe_audio(file, limit);
    } catch (const loa::InputError &error) {
        return error.what();
    }
    return "(accepted)";
}

bool one_line(const std::string &message) {
    return message.find('\n') == std::string::npos;
}

} // namespace

TEST_CASE("a cut-off copy is refused as incomplete, whatever the format") {
    loa::test::TempDir dir;
    const auto [name, format] =
        GENERATE(table<const char *, int>({{"cut.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16},
                                           {"cut.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16},
                                           {"cut.mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III},
                                           {"cut.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS},
                                           {"cut.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS}}));
    const auto whole = dir / (std::string("whole-") + name);
    // Debian 12's libsndfile writes every one of these (MP3 and Opus too): a
    // failure to write is a broken build, not a reason to skip the case.
    INFO("writing " << name);
    const bool written = loa::test::write_audio(whole, format, 48000, 2, 48000 * 6,
                                                loa::test::sine(48000, 440, 0.3));
    if (!written)
        FAIL(loa::test::sndfile_cannot_write(whole));
    CHECK(message_of(whole) == "(accepted)");
    const std::string bytes = read_bytes(whole);
    loa::write_file_durably(dir / name, std::string_view(bytes).substr(0, bytes.size() / 2));
    const auto message = message_of(dir / name);
    CHECK_THAT(message, Catch::Contains(name) && Catch::Contains("cut short") &&
                            Catch::Contains("copy the recording again"));
    CHECK(one_line(message));
}

TEST_CASE("a file with a header and no sound is refused") {
    loa::test::TempDir dir;
    loa::write_file_durably(dir / "header-only.wav", wav_header(1, 0));
    const auto message = message_of(dir / "header-only.wav");
    CHECK_THAT(message, Catch::Contains("header-only.wav") && Catch::Contains("no sound"));
}

TEST_CASE("a codec libsndfile cannot decode is refused with what to convert to") {
    loa::test::TempDir dir;
    // WAVE_FORMAT_MPEGLAYER3 (0x55): MP3 inside a WAV, which libsndfile does not read.
    loa::write_file_durably(dir / "mp3-in-wav.wav",
                            wav_header(0x55, 4000) + std::string(4000, '\x5a'));
    const auto message = message_of(dir / "mp3-in-wav.wav");
    CHECK_THAT(message, Catch::Contains("mp3-in-wav.wav") && Catch::Contains("convert it to"));
    CHECK(one_line(message));
}

TEST_CASE("text named .wav, an empty file, a folder and a missing file are refused") {
    loa::test::TempDir dir;
    loa::write_file_durably(dir / "fake.wav", "this is not audio at all, just text\n");
    CHECK_THAT(message_of(dir / "fake.wav"),
               Catch::Contains("fake.wav") && Catch::Contains("not audio"));
    loa::write_file_durably(dir / "empty.flac", "");
    CHECK_THAT(message_of(dir / "empty.flac"),
               Catch::Contains("empty.flac") && Catch::Contains("empty"));
    std::filesystem::create_directory(dir / "folder.wav");
    CHECK_THAT(message_of(dir / "folder.wav"),
               Catch::Contains("folder.wav") && Catch::Contains("folder"));
    CHECK_THAT(message_of(dir / "nope.wav"),
               Catch::Contains("nope.wav") && Catch::Contains("no such file"));
}

TEST_CASE("a file the station's user cannot read is refused, naming it") {
    loa::test::TempDir dir;
    const auto file = dir / "locked.wav";
    REQUIRE(loa::test::write_audio(file, SF_FORMAT_WAV | SF_FORMAT_PCM_16, 8000, 1, 8000,
                                   loa::test::sine(8000, 440, 0.3)));
    std::filesystem::permissions(file, std::filesystem::perms::none);
    std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
    // root reads anything: check as an ordinary user in a child process.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(3);
        const auto message = message_of(file);
        _exit(message.find("locked.wav") != std::string::npos &&
                      message.find("cannot be read") != std::string::npos
                  ? 0
                  : 1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("a recording over three hours is refused unless forced") {
    loa::test::TempDir dir;
    const auto file = dir / "long.flac";
    const int rate = 8000;
    const std::int64_t frames = (loa::library::max_seconds + 2) * rate;
    REQUIRE(loa::test::write_audio(
        file, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, rate, 1, frames,
        [](std::int64_t frame, int) { return frame % 800 == 0 ? 0.5f : 0.0f; }));
    const auto message = message_of(file);
    CHECK_THAT(message, Catch::Contains("long.flac") && Catch::Contains("3 hours") &&
                            Catch::Contains("--force"));
    const auto audio = loa::library::probe_audio(file, loa::library::LengthLimit::none);
    CHECK(audio.frames == frames);
}

TEST_CASE("a named pipe is refused at once, without waiting for a writer") {
    loa::test::TempDir dir;
    const auto fifo = dir / "fifo.mp3";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Before the fix the open blocked forever: probe in a child that an alarm ends.
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::alarm(10);
        const auto message = message_of(fifo);
        _exit(message == "'" + fifo.string() +
                             "' is not a regular file (a named pipe); copy the recording into a "
                             "file and import that"
                  ? 0
                  : 1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK_FALSE(WIFSIGNALED(status)); // SIGALRM: it waited for a writer.
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
}

TEST_CASE("a character device is refused, not read forever") {
    CHECK(message_of("/dev/zero") == "'/dev/zero' is not a regular file (a character device); copy "
                                     "the recording into a file and import that");
}

TEST_CASE("random bytes named .mp3 are refused in one line with a true reason") {
    loa::test::TempDir dir;
    std::string noise(100'000, '\0');
    std::uint32_t state = 12345;
    for (char &byte : noise) {
        state = state * 1664525u + 1013904223u;
        byte = static_cast<char>(state >> 24);
    }
    loa::write_file_durably(dir / "noise.mp3", noise);
    const auto message = message_of(dir / "noise.mp3");
    // Not "File does not exist or is not a regular file (possibly a pipe?)".
    CHECK(message == "'" + (dir / "noise.mp3").string() +
                         "' is not audio that loa can read (Format not recognised.); convert it "
                         "to WAV, FLAC, OGG or MP3");
}
