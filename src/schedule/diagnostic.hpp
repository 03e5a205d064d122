#pragma once
// Problems found in a schedule file, in the compiler-like form DESIGN.md promises:
// "FILE:LINE:COL: error: message". Parsing and (later) checking against the library
// both collect every problem into a DiagnosticList, so the operator sees all of them.
#include <string>
#include <vector>

namespace loa::schedule {

/// 1-based line and column (in characters, as an editor counts them); 0 = unknown.
struct SourcePosition {
    int line = 0;
    int column = 0;

    // clang-tidy 14 sees the 0 that a defaulted <=> compares with as a null pointer.
    auto operator<=>(const SourcePosition &) const = default; // NOLINT(modernize-use-nullptr)
};

enum class Severity { error, warning };

struct Diagnostic {
    std::string file;
    SourcePosition position;
    Severity severity = Severity::error;
    std::string message; ///< For the operator: what is wrong and what to write instead.
};

/// "FILE:LINE:COL: error: message" (or "warning:"); "FILE: error: message" without a line.
std::string format(const Diagnostic &diagnostic);

/// True if any diagnostic is an error (warnings alone do not refuse a file).
bool has_errors(const std::vector<Diagnostic> &diagnostics) noexcept;

/// Orders by line, then column; diagnostics at the same place keep their order.
void sort_diagnostics(std::vector<Diagnostic> &diagnostics);

/// Collects the diagnostics of one file. Not thread-safe; one per parse or check.
class DiagnosticList {
public:
    explicit DiagnosticList(std::string file) : m_file(std::move(file)) {}

    void error(SourcePosition position, std::string message);
    void warning(SourcePosition position, std::string message);

    bool has_errors() const noexcept { return schedule::has_errors(m_diagnostics); }
    const std::string &file() const noexcept { return m_file; }

    /// The diagnostics sorted by position; leaves the list empty.
    std::vector<Diagnostic> take_sorted();

private:
    std::string m_file;
    std::vector<Diagnostic> m_diagnostics;
};

} // namespace loa::schedule
