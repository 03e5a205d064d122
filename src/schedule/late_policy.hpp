#pragma once
// A slot's `late` setting: after downtime (power cut, crash), whether an occurrence
// whose instant has passed still plays. The engine applies it; this file only reads
// and writes the operator's spelling: "0" (never), "always", or a duration such as
// "10m", "90s", "1h", "1h30m".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace loa::schedule {

struct LatePolicy {
    enum class Kind {
        never,  ///< "0": play only on time; otherwise log it missed.
        within, ///< play if at most `within` late.
        always, ///< play whenever the player comes back.
    };
    Kind kind = Kind::within;
    std::chrono::seconds within{600}; ///< Only meaningful for Kind::within.

    bool operator==(const LatePolicy &) const = default;
};

/// Reads "0", "always", or hours/minutes/seconds in that order, each at most once
/// ("1h30m", "90s"). A zero duration ("0m") means never. Nullopt if not understood.
std::optional<LatePolicy> parse_late_policy(std::string_view text) noexcept;

/// The canonical spelling: "0", "always", "10m", "1h30m", "1h0m5s" is "1h5s".
std::string to_string(const LatePolicy &policy);

} // namespace loa::schedule
