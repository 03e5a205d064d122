#include "schedule/diagnostic.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <utility>

namespace loa::schedule {

std::string format(const Diagnostic &diagnostic) {
    std::string text = diagnostic.file;
    if (diagnostic.position.line > 0) {
        text += ':' + std::to_string(diagnostic.position.line);
        if (diagnostic.position.column > 0)
            text += ':' + std::to_string(diagnostic.position.column);
    }
    text += ": ";
    text += diagnostic.severity == Severity::error ? _("error:") : _("warning:");
    text += " ";

    text += diagnostic.message;
    return text;
}

bool has_errors(const std::vector<Diagnostic> &diagnostics) noexcept {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::error; });
}

void sort_diagnostics(std::vector<Diagnostic> &diagnostics) {
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic &a, const Diagnostic &b) { return a.position < b.position; });
}

void DiagnosticList::error(SourcePosition position, std::string message) {
    m_diagnostics.push_back({m_file, position, Severity::error, std::move(message)});
}

void DiagnosticList::warning(SourcePosition position, std::string message) {
    m_diagnostics.push_back({m_file, position, Severity::warning, std::move(message)});
}

std::vector<Diagnostic> DiagnosticList::take_sorted() {
    std::vector<Diagnostic> sorted = std::exchange(m_diagnostics, {});
    sort_diagnostics(sorted);
    return sorted;
}

} // namespace loa::schedule
