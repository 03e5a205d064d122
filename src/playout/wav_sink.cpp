#include "playout/wav_sink.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <sndfile.h>

#include <algorithm>
#include <cmath>

namespace loa::playout {
namespace {

constexpr std::size_t k_period_frames = 1024;

short to_pcm16(float sample) noexcept {
    const float scaled = std::clamp(sample * 32768.0f, -32768.0f, 32767.0f);
    return static_cast<short>(std::lrint(scaled));
}

} // namespace

WavSink::WavSink(const std::filesystem::path &path, Clock &clock) : m_path(path), m_clock(clock) {
    SF_INFO info{};
    info.samplerate = static_cast<int>(rate());
    info.channels = static_cast<int>(channels());
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    m_file = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!m_file)
        throw Error(i18n::format(_("cannot write {1}: {2}"), quote(path), sf_strerror(nullptr)));
    sf_command(m_file, SFC_UPDATE_HEADER_NOW, nullptr, 0);
    m_samples.resize(k_period_frames * channels());
}

WavSink::~WavSink() {
    m_thread.reset();
    sf_close(m_file);
}

std::string WavSink::name() const {
    return "wav:" + m_path.string();
}

void WavSink::start(Renderer &renderer) {
    m_thread = std::make_unique<PacedThread>(
        renderer, m_clock, k_period_frames,
        [this](const float *frames, const Renderer::Span &span) { write(frames, span); });
}

StreamClockReading WavSink::read_clock() const {
    return m_thread->read_clock();
}

void WavSink::armed() {
    m_thread->armed();
}

std::string WavSink::failure() const {
    return m_thread->failure();
}

void WavSink::write(const float *frames, const Renderer::Span &span) {
    const float *first = frames + span.first_frame * channels();
    const std::size_t samples = span.frames * channels();
    std::transform(first, first + samples, m_samples.begin(), to_pcm16);
    const auto count = static_cast<sf_count_t>(span.frames);
    if (sf_writef_short(m_file, m_samples.data(), count) != count)
        throw Error(i18n::format(_("cannot write {1}: {2}; is the disk full?"), quote(m_path),
                                 sf_strerror(m_file)));
    if (span.item_ended)
        sf_command(m_file, SFC_UPDATE_HEADER_NOW, nullptr, 0);
}

} // namespace loa::playout
