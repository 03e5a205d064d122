#pragma once
// The `--output` choice: a sound device, a WAV file (tests, checks of what would be
// broadcast) or nothing (`loa simulate`).
#include <string>
#include <string_view>

namespace loa::playout {

/// Where sound goes: parsed from `--output device:NAME|wav:PATH|null` ("device" alone =
/// default device).
struct OutputSpec {
    enum class Kind { device, wav, null };
    Kind kind = Kind::device;
    /// device: "default", a name substring or an index; wav: the file's path; null: empty.
    std::string target = "default";
};

/// Parses an `--output` value. Throws UsageError naming the accepted forms.
OutputSpec parse_output_spec(std::string_view text);

/// The spec as an operator would type it (`device:USB`, `wav:/tmp/out.wav`, `null`).
std::string to_string(const OutputSpec &spec);

} // namespace loa::playout
