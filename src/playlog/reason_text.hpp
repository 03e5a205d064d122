#pragma once
// The catalogue of reasons: each code's English pattern (a gettext message, with
// numbered places {1} {2} for its parameters) and how a reason is written.
//
// Two writings. The chained text is the English pattern with the parameters in
// machine form; it is what the row's `error` column keeps and the hash chain covers,
// byte for byte the text loa wrote before reasons had codes, so a row's hashed
// field says the same as its code (DESIGN.md, "Log chain"; docs/reasons.md). The
// people's text is the pattern in the reader's language with the parameters in the
// people's form (dd/MM/yyyy HH:mm:ss, 30 phút, a decimal comma); it is made only
// when shown, never when a play is logged.
//
// An English pattern, once released, is frozen like a code: a row is shown from its
// code only while its code renders to the chained text it keeps. To say something
// else, add a code.
#include "playlog/play_record.hpp"
#include "playlog/reason.hpp"

#include <span>
#include <string>
#include <string_view>

namespace loa::playlog {

struct ReasonEntry {
    std::string_view code;
    const char *pattern; ///< English, marked N_(); {1} {2} are `params` in order.
    std::span<const std::string_view> params;
};

/// Every code loa writes.
std::span<const ReasonEntry> reason_catalogue() noexcept;
/// The entry of `code`, or nullptr.
const ReasonEntry *find_reason(std::string_view code) noexcept;

/// The English text the row's chained `error` keeps. A free text is itself; an
/// unknown code is the code.
std::string chained_text(const Reason &reason);
/// The reason in the reader's language (i18n::translate), parameters in the people's form.
std::string people_text(const Reason &reason);

/// Writes `reason` into the row: code, parameters and the chained text.
void store_reason(PlayRecord &record, const Reason &reason);
/// The three columns of `reason` as PlayEnd and the UPDATE of a row carry them.
struct StoredReason {
    std::optional<std::string> error, code, params;
};
StoredReason stored_columns(const Reason &reason);

/// The reason of `record` as a person reads it: from its code when the code renders
/// to the text the row keeps in `error` (rows written before codes, or whose code
/// column was changed, show `error` as it is); empty when it has none.
std::string shown_reason(const PlayRecord &record);

} // namespace loa::playlog
