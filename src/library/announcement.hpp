#pragma once
// An announcement (bản tin): an imported recording plus what import measured.
#include <cstdint>
#include <optional>
#include <string>

namespace loa::library {

struct Announcement {
    std::string id; ///< Slug; the handle schedules and the log use.
    std::string title;
    std::optional<std::string> category;
    std::optional<std::string> campaign;
    std::optional<std::string> source;
    std::optional<std::string> reference;   ///< Reference document, e.g. "498/STTTT-TTBCBC".
    std::optional<std::string> valid_from;  ///< YYYY-MM-DD.
    std::optional<std::string> valid_until; ///< YYYY-MM-DD.
    std::string sha256;                     ///< Of the file's content.
    std::string stored_as;     ///< Path of the content inside library/, relative to it.
    std::string original_name; ///< File name it was imported from.
    std::string format;
    int sample_rate = 0;
    int channels = 0;
    std::int64_t frames = 0;
    std::int64_t duration_ms = 0;
    std::optional<double> loudness_lufs;
    std::optional<double> true_peak_dbtp;
    std::optional<double> sample_peak_dbfs;
    std::int64_t leading_silence_ms = 0;  ///< Before the first sample at or above -60 dBFS.
    std::int64_t trailing_silence_ms = 0; ///< After the last one.
    bool silent = false;                  ///< Nothing reaches -60 dBFS: imported with a warning.
    std::string imported_at;
    std::optional<std::string> spoken_text; ///< The text a typed notice (loa say) was read from.
};

} // namespace loa::library
