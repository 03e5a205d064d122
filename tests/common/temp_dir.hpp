#pragma once
// A fresh folder for one test, removed with everything in it afterwards.
#include <filesystem>

namespace loa::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    const std::filesystem::path &path() const noexcept { return m_path; }
    std::filesystem::path operator/(const std::filesystem::path &name) const {
        return m_path / name;
    }

private:
    std::filesystem::path m_path;
};

/// A file of the bundled sample announcements (audio/ in the source tree).
std::filesystem::path sample_audio(const char *name);

/// Writes a WAV (16-bit PCM) of a `hz` sine, `seconds` long, at `rate` with `channels`.
void write_tone(const std::filesystem::path &path, int rate, int channels, double seconds,
                double hz = 440.0);

} // namespace loa::test
