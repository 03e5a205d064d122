#include "engine/remembered_library.hpp"

#include "core/error.hpp"
#include "library/library.hpp"

namespace loa::engine {

std::optional<library::Announcement> RememberedLibrary::find(const std::string &id) {
    const auto remembered = [&]() -> std::optional<library::Announcement> {
        const auto known = m_known.find(id);
        return known == m_known.end() ? std::nullopt : std::optional(known->second);
    };
    std::optional<library::Announcement> found;
    try {
        found = m_library.find(id);
    } catch (const Error &) {
        return remembered(); // cannot be read now; the play log reports why and mends it
    }
    if (found)
        m_known.insert_or_assign(id, *found);
    else if (m_keep)
        return remembered();
    else
        m_known.erase(id);
    return found;
}

} // namespace loa::engine
