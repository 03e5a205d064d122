#pragma once
// Why a play came out as it did, as data: a stable code and its parameters
// ("missed.late_limit" with the lateness and the slot's limit), rendered in the
// reader's language only where a person reads it (reason_text.hpp). A reason with
// no code is a free text from elsewhere (a decoder's or a device's message), shown
// as it is.
//
// A missed play's reason names its cause, another code, in its parameter "cause";
// the cause's own parameters sit beside it in the same list (a cause with no code:
// its text in "cause_text").
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loa::playlog {

struct Reason {
    std::string code; ///< "missed.late_limit"; empty: `text` says it.
    /// Name and value, machine form (seconds, ISO 8601 instants, whole dBFS).
    std::vector<std::pair<std::string, std::string>> params;
    std::string text; ///< A free text with no code.

    Reason() = default;
    /// A free text with no code (a decoder's or a device's message).
    Reason(std::string free_text) : text(std::move(free_text)) {} // NOLINT: implicit on purpose
    Reason(const char *free_text) : text(free_text) {}            // NOLINT: implicit on purpose
    Reason(std::string reason_code, std::vector<std::pair<std::string, std::string>> parameters)
        : code(std::move(reason_code)), params(std::move(parameters)) {}

    bool empty() const noexcept { return code.empty() && text.empty(); }
    /// The value of parameter `name` (empty when absent).
    std::string_view param(std::string_view name) const noexcept;
};

/// The parameters as the reason_params column and the raw exports keep them: a flat
/// JSON object of strings, in the reason's order ("{}" when there are none).
std::string params_json(const Reason &reason);

/// The reason stored as `code` and `params` (params_json's text); nullopt when
/// `params` is not such an object.
std::optional<Reason> stored_reason(std::string_view code, std::string_view params);

} // namespace loa::playlog
