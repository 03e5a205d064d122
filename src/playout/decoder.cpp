#include "playout/decoder.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <sndfile.h>

#include <cstdio>
#include <string>

namespace loa::playout {

Decoder::Decoder(const std::filesystem::path &file) : m_file(file) {
    SF_INFO info{};
    m_handle = sf_open(file.c_str(), SFM_READ, &info);
    if (!m_handle)
        throw InputError(i18n::format(_("{1}: cannot be played: {2}; check the file, or import "
                                        "it again with `loa import`"),
                                      quote(file), sf_strerror(nullptr)));
    if (info.samplerate <= 0 || info.channels <= 0) {
        sf_close(m_handle);
        throw InputError(i18n::format(_("{1}: cannot be played: it declares no sample rate or "
                                        "channels; import it again with `loa import`"),
                                      quote(file)));
    }
    m_rate = static_cast<unsigned>(info.samplerate);
    m_channels = static_cast<unsigned>(info.channels);
    m_channel_order = channel_order_of(info.format);
}

Decoder::~Decoder() {
    sf_close(m_handle);
}

void Decoder::seek(std::int64_t frame) {
    SF_INFO info{};
    sf_command(m_handle, SFC_GET_CURRENT_SF_INFO, &info, sizeof info);
    // Header frame counts can be a little wrong (MP3): past the end, read to the end.
    if (info.frames > 0 && frame >= info.frames) {
        m_exhausted = true;
        m_frames_read = frame;
        return;
    }
    if (sf_seek(m_handle, static_cast<sf_count_t>(frame), SEEK_SET) < 0)
        throw InputError(i18n::format(_("{1}: cannot resume at {2} s: {3}; the file may be "
                                        "damaged"),
                                      quote(m_file),
                                      std::to_string(static_cast<double>(frame) / m_rate),
                                      sf_strerror(m_handle)));
    m_frames_read = frame;
}

std::size_t Decoder::read(float *out, std::size_t frames) {
    if (m_exhausted)
        return 0;
    const sf_count_t count = sf_readf_float(m_handle, out, static_cast<sf_count_t>(frames));
    if (count <= 0) {
        if (const int error = sf_error(m_handle); error != SF_ERR_NO_ERROR) {
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%.1f",
                          static_cast<double>(m_frames_read) / m_rate);
            throw InputError(i18n::format(_("{1}: decoding failed after {2} s: {3}; the file is "
                                            "damaged"),
                                          quote(m_file), seconds, sf_error_number(error)));
        }
        return 0;
    }
    m_frames_read += count;
    return static_cast<std::size_t>(count);
}

} // namespace loa::playout
