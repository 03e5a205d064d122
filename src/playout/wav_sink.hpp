#pragma once
// `--output wav:PATH`: what would have been broadcast, as a file.
#include "playout/paced_thread.hpp"
#include "playout/sink.hpp"

#include <filesystem>
#include <memory>
#include <vector>

struct sf_private_tag;

namespace loa::playout {

/// Writes 48 kHz 16-bit stereo PCM WAV, only while an item plays (no silence between
/// items), paced on the Clock like a device in real time. The header is updated after
/// each item, so the file is valid whenever play() has returned. Samples are converted
/// as round(x × 32768) clamped to 16 bits, the inverse of libsndfile's reading, so a
/// 16-bit file played at 0 dB comes back bit-exact.
class WavSink final : public Sink {
public:
    /// Creates (or truncates) `path`. Throws Error naming it if it cannot be written.
    WavSink(const std::filesystem::path &path, Clock &clock);
    ~WavSink() override;

    std::string name() const override;
    unsigned rate() const noexcept override { return 48000; }
    unsigned channels() const noexcept override { return 2; }
    std::size_t latency_frames() const noexcept override { return 0; }
    void start(Renderer &renderer) override;
    StreamClockReading read_clock() const override;
    void armed() override;
    std::string failure() const override;

private:
    void write(const float *frames, const Renderer::Span &span);

    std::filesystem::path m_path;
    Clock &m_clock;
    sf_private_tag *m_file = nullptr;
    std::vector<short> m_samples;          ///< conversion buffer; paced thread
    std::unique_ptr<PacedThread> m_thread; ///< Last: joined before the file closes.
};

} // namespace loa::playout
