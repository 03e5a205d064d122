#include "library/audio_probe.hpp"
#include "core/i18n.hpp"

#include "core/channel_layout.hpp"
#include "core/error.hpp"
#include "core/regular_file.hpp"

#include <fcntl.h>
#include <sndfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace loa::library {
namespace {

constexpr sf_count_t block_frames = 8192;

struct SndfileCloser {
    void operator()(SNDFILE *file) const noexcept { sf_close(file); }
};
using SndfilePtr = std::unique_ptr<SNDFILE, SndfileCloser>;

std::string format_name(int format) {
    SF_FORMAT_INFO major{};
    major.format = format & SF_FORMAT_TYPEMASK;
    SF_FORMAT_INFO sub{};
    sub.format = format & SF_FORMAT_SUBMASK;
    std::string name =
        sf_command(nullptr, SFC_GET_FORMAT_INFO, &major, sizeof major) == 0 && major.name
            ? major.name
            : "unknown";
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &sub, sizeof sub) == 0 && sub.name)
        name += std::string(", ") + sub.name;
    return name;
}

/// Opens `path` for reading if it is a non-empty regular file (core's check).
int open_audio_file(const std::filesystem::path &path) {
    const int fd = open_regular_file(path, {N_("give the audio files inside it"),
                                            N_("copy the recording into a file and import that")});
    struct stat status {};
    if (::fstat(fd, &status) != 0 || status.st_size == 0) {
        ::close(fd);
        throw InputError(
            i18n::format(_("{1} is empty (0 bytes); copy the recording again"), quote(path)));
    }
    return fd;
}

[[noreturn]] void refuse_open(const std::filesystem::path &path) {
    const int code = sf_error(nullptr);
    const std::string reason = sf_strerror(nullptr);
    if (code == SF_ERR_UNSUPPORTED_ENCODING)
        throw InputError(i18n::format(
            _("{1} uses a codec loa cannot decode ({2}); convert it to WAV (PCM), FLAC, OGG or MP3"),
            quote(path), reason));
    if (code == SF_ERR_MALFORMED_FILE)
        throw InputError(i18n::format(
            _("{1} is damaged or incomplete ({2}); copy the recording again from its source"),
            quote(path), reason));
    if (code == SF_ERR_SYSTEM)
        throw InputError(i18n::format(_("{1} cannot be read ({2}); check the disk and permissions"),
                                      quote(path), reason));
    throw InputError(i18n::format(
        _("{1} is not audio that loa can read ({2}); convert it to WAV, FLAC, OGG or MP3"),
        quote(path), reason));
}

/// An Ogg stream's last page carries the end-of-stream flag; a copy cut short ends on
/// a page without it (or in the middle of one). OGG headers give no length, so this
/// is how a truncated OGG/Vorbis or OGG/Opus file is told from a complete one.
bool ogg_lacks_end_of_stream(const std::filesystem::path &path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> file(std::fopen(path.c_str(), "rb"),
                                                          &std::fclose);
    if (!file)
        return false;
    constexpr long tail_bytes = 65536 + 27; // a page is at most 65307 bytes
    std::fseek(file.get(), 0, SEEK_END);
    const long size = std::ftell(file.get());
    const long from = std::max(0L, size - tail_bytes);
    std::fseek(file.get(), from, SEEK_SET);
    std::vector<unsigned char> tail(static_cast<std::size_t>(size - from));
    if (std::fread(tail.data(), 1, tail.size(), file.get()) != tail.size())
        return false;
    // The last page header: "OggS", stream structure version 0, then the header type.
    for (std::size_t at = tail.size() >= 27 ? tail.size() - 27 : 0; at + 27 <= tail.size(); --at) {
        if (std::memcmp(&tail[at], "OggS", 4) == 0 && tail[at + 4] == 0) {
            const std::size_t segments = tail[at + 26];
            std::size_t end = at + 27 + segments;
            if (end <= tail.size())
                for (std::size_t i = 0; i < segments; ++i)
                    end += tail[at + 27 + i];
            return (tail[at + 5] & 0x04) == 0 || end != tail.size();
        }
        if (at == 0)
            break;
    }
    return true; // no page header at all in the last 64 KiB
}

/// libsndfile reads what is there of a cut-off file without an error; the header
/// (or, for WAV-like files, its log) tells the length the file should have had.
std::optional<std::string> truncation(SNDFILE *file, const SF_INFO &info, std::int64_t decoded) {
    std::vector<char> log(16384);
    sf_command(file, SFC_GET_LOG_INFO, log.data(), static_cast<int>(log.size()));
    // "data : 882000 (should be 440961)": the data chunk declares more than there is.
    // A streamed WAV declares 0 or 0xFFFFFFFF (unknown length); that is not a cut.
    if (const char *data = std::strstr(log.data(), "data : ")) {
        unsigned long long declared = 0, present = 0;
        if (std::sscanf(data, "data : %llu (should be %llu)", &declared, &present) == 2 &&
            declared > present && declared != 0xFFFFFFFFull)
            return std::to_string(present) + " of " + std::to_string(declared) + " bytes of sound";
    }
    if (info.frames <= 0 || info.frames >= std::numeric_limits<sf_count_t>::max() / 2)
        return std::nullopt; // No length in the header: OGG is checked by its last page.
    const std::string counts =
        std::to_string(decoded) + " of " + std::to_string(info.frames) + " frames";
    if ((info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_MPEG) {
        // MP3 frame counts from the header are estimates: allow 2 % or a second.
        const auto slack = std::max<std::int64_t>(info.samplerate, info.frames / 50);
        return decoded + slack < info.frames ? std::optional(counts) : std::nullopt;
    }
    return decoded < info.frames ? std::optional(counts) : std::nullopt;
}

} // namespace

std::int64_t AudioInfo::frames_to_ms(std::int64_t count) const noexcept {
    return sample_rate > 0 ? count * 1000 / sample_rate : 0;
}

std::int64_t AudioInfo::duration_ms() const noexcept {
    return frames_to_ms(frames);
}

AudioInfo probe_audio(const std::filesystem::path &path, LengthLimit limit) {
    const int fd = open_audio_file(path);
    SF_INFO info{};
    SndfilePtr file(sf_open_fd(fd, SFM_READ, &info, SF_TRUE)); // Closes fd, also on failure.
    if (!file)
        refuse_open(path);
    AudioInfo audio;
    audio.format = format_name(info.format);
    audio.sample_rate = info.samplerate;
    audio.channels = info.channels;
    if (info.samplerate < 8000 || info.samplerate > 192000 || info.channels < 1 ||
        info.channels > 8)
        throw InputError(i18n::format(_("{1}: {2} channels at {3} Hz is not supported (8-192 kHz, "
                                        "1-8 channels); convert the file"),
                                      quote(path), std::to_string(info.channels),
                                      std::to_string(info.samplerate)));
    const std::int64_t max_frames = max_seconds * info.samplerate;
    SignalMeter meter(info.samplerate, info.channels, channel_order_of(info.format));
    std::vector<float> block(static_cast<std::size_t>(block_frames * info.channels));
    for (;;) {
        const sf_count_t got = sf_readf_float(file.get(), block.data(), block_frames);
        if (got <= 0)
            break;
        meter.add(block.data(), got);
        audio.frames += got;
        if (limit == LengthLimit::three_hours && audio.frames > max_frames)
            throw InputError(i18n::format(
                _("{1} is longer than 3 hours; split it, or import it with --force"), quote(path)));
    }
    if ((info.format & SF_FORMAT_TYPEMASK) == SF_FORMAT_OGG && ogg_lacks_end_of_stream(path))
        throw InputError(i18n::format(_("{1} is cut short (its last page is missing the "
                                        "end-of-stream mark); the copy is incomplete, copy the "
                                        "recording again from its source"),
                                      quote(path)));
    if (const auto cut = truncation(file.get(), info, audio.frames))
        throw InputError(i18n::format(_("{1} is cut short ({2}); the copy is incomplete, copy the "
                                        "recording again from its source"),
                                      quote(path), *cut));
    if (sf_error(file.get()) != SF_ERR_NO_ERROR)
        throw InputError(
            i18n::format(_("{1} is damaged ({2}); copy the recording again from its source"),
                         quote(path), sf_strerror(file.get())));
    if (audio.frames == 0)
        throw InputError(i18n::format(
            _("{1} has a header but no sound (0 samples); copy the recording again"), quote(path)));

    audio.levels = meter.levels();
    return audio;
}

} // namespace loa::library
