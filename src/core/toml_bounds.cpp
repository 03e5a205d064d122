// The pre-scan: a small state machine over the text. It knows whether it is in a
// key (line start, after '{' or ',' in an inline table, inside a [table] header)
// or in a value, skips strings of the four kinds and comments, and counts the
// dots of each key and the depth of brackets.
#include "core/toml_bounds.hpp"

#include "core/i18n.hpp"

#include <vector>

namespace loa {
namespace {

enum class Context { key, header, value };

class Scanner {
public:
    Scanner(std::string_view text, const TomlBounds &bounds) : m_text(text), m_bounds(bounds) {}

    std::optional<TomlBoundsProblem> run() {
        if (m_text.size() > m_bounds.max_bytes)
            return too_large();
        while (!m_problem && m_at < m_text.size())
            step();
        return m_problem;
    }

private:
    char peek(std::size_t ahead = 0) const {
        return m_at + ahead < m_text.size() ? m_text[m_at + ahead] : '\0';
    }

    bool starts_with(std::string_view token) const {
        return m_text.substr(m_at, token.size()) == token;
    }

    /// Moves one byte on, keeping line and column (columns count code points).
    void advance() {
        const char c = m_text[m_at++];
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++m_column;
        }
    }

    void fail(std::string message) {
        m_problem = TomlBoundsProblem{m_line, m_column, std::move(message)};
    }

    std::optional<TomlBoundsProblem> too_large() const {
        return TomlBoundsProblem{
            1, 1,
            i18n::format(_("the file is {1} bytes, more than the {2} MB loa reads: check that it "
                           "is the right file, or split the schedule into files by month"),
                         std::to_string(m_text.size()),
                         std::to_string(m_bounds.max_bytes / (std::size_t{1024} * 1024)))};
    }

    void step() {
        const char c = peek();
        if (c == '#')
            return skip_comment();
        if (c == '"' || c == '\'')
            return skip_string();
        if (c == '\n') {
            if (m_brackets.empty())
                begin_key(Context::key);
            return advance();
        }
        switch (m_context) {
        case Context::key:
        case Context::header:
            return step_in_key(c);
        case Context::value:
            return step_in_value(c);
        }
    }

    void begin_key(Context context) {
        m_context = context;
        m_key_parts = 1;
    }

    void step_in_key(char c) {
        if (c == '.' && ++m_key_parts > m_bounds.max_key_parts)
            return fail(i18n::format(
                m_context == Context::header
                    ? _("this table header has more than {1} parts separated by dots; loa's "
                        "files need at most two (like [output] or slot.id): shorten it")
                    : _("this key has more than {1} parts separated by dots; loa's files need at "
                        "most two (like [output] or slot.id): shorten it"),
                std::to_string(m_bounds.max_key_parts)));
        if (c == '[' && m_context == Context::key && m_brackets.empty() && m_key_parts == 1)
            begin_key(Context::header);
        else if ((c == ']' && m_context == Context::header) || c == '=')
            m_context = Context::value; // What follows a header or an = is not a key.
        else if (c == '}')
            close();
        advance();
    }

    void step_in_value(char c) {
        if (c == '[' || c == '{') {
            m_brackets.push_back(c);
            if (static_cast<int>(m_brackets.size()) > m_bounds.max_nesting)
                return fail(i18n::format(_("arrays and inline tables are nested more than {1} "
                                           "deep here; loa's files need at most three: remove "
                                           "the extra brackets"),
                                         std::to_string(m_bounds.max_nesting)));
            if (c == '{')
                begin_key(Context::key);
        } else if (c == ']' || c == '}') {
            close();
        } else if (c == ',' && !m_brackets.empty() && m_brackets.back() == '{') {
            begin_key(Context::key);
        }
        advance();
    }

    void close() {
        if (!m_brackets.empty())
            m_brackets.pop_back();
        m_context = Context::value;
    }

    void skip_comment() {
        while (m_at < m_text.size() && peek() != '\n')
            advance();
    }

    /// Skips a string of any of the four kinds, with its quotes; a string left open
    /// ends the scan (the parser reports it).
    void skip_string() {
        const char quote = peek();
        const bool multiline = peek(1) == quote && peek(2) == quote;
        const std::string closing(multiline ? 3 : 1, quote);
        for (std::size_t i = 0; i < closing.size(); ++i)
            advance();
        while (m_at < m_text.size()) {
            if (quote == '"' && peek() == '\\') {
                advance();
                if (m_at < m_text.size())
                    advance();
                continue;
            }
            if (!multiline && peek() == '\n')
                return; // Unterminated: the newline is the parser's to report.
            if (starts_with(closing)) {
                // A multi-line string may end in up to two more quotes: """a"""".
                while (multiline && peek(3) == quote)
                    advance();
                for (std::size_t i = 0; i < closing.size(); ++i)
                    advance();
                return;
            }
            advance();
        }
    }

    std::string_view m_text;
    const TomlBounds &m_bounds;
    std::size_t m_at = 0;
    int m_line = 1;
    int m_column = 1;
    Context m_context = Context::key;
    int m_key_parts = 1;
    std::vector<char> m_brackets; ///< Open '[' and '{' of values; at most max_nesting.
    std::optional<TomlBoundsProblem> m_problem;
};

} // namespace

std::optional<TomlBoundsProblem> find_toml_bounds_problem(std::string_view text,
                                                          const TomlBounds &bounds) {
    return Scanner(text, bounds).run();
}

} // namespace loa
