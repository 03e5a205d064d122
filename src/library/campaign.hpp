#pragma once
// A campaign: a named awareness drive with a reference document and a date range
// (e.g. anti-fraud, July-December 2020). Announcements name it; reports group by it.
#include <optional>
#include <string>

namespace loa::library {

struct Campaign {
    std::string id; ///< Slug, like announcement ids.
    std::string title;
    std::optional<std::string> reference;   ///< e.g. "498/STTTT-TTBCBC".
    std::optional<std::string> valid_from;  ///< YYYY-MM-DD, inclusive.
    std::optional<std::string> valid_until; ///< YYYY-MM-DD, inclusive.
    std::string created_at;                 ///< ISO 8601, station offset.
};

} // namespace loa::library
