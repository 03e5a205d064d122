#include "schedule/suggestion.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <vector>

namespace loa::schedule {

std::string lower_ascii(std::string_view text) {
    std::string lower(text);
    for (char &c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
    const std::string a = lower_ascii(a_text), b = lower_ascii(b_text);
    const std::size_t columns = b.size() + 1;
    // Three rows of the dynamic-programming table: two back is needed for swaps.
    std::vector<std::size_t> before(columns), previous(columns), current(columns);
    for (std::size_t j = 0; j < columns; ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j < columns; ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[b.size()];
}

std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates,
                                   std::span<const Alias> aliases) {
    const std::string lower = lower_ascii(word);
    for (const Alias &alias : aliases)
        if (alias.written == lower)
            return std::string(alias.meant);
    // One edit in a word of one or two letters is a different word, not a typo.
    const std::size_t allowed = word.size() < 3 ? 0 : std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}

std::string quoted_list(std::span<const std::string_view> words) {
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            text += i + 1 == words.size() ? _(" and ") : ", "; // the last two of a list
        text += "'" + std::string(words[i]) + "'";
    }
    return text;
}

} // namespace loa::schedule
