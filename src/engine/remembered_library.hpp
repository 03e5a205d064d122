#pragma once
// The station database as the engine reads it: the active schedule's version and
// the announcements, through reads that can fail while loa.db is damaged or being
// replaced (until the play log sets the damaged file aside and begins a fresh one).
// A failed read does not stop the player: it goes on with what the last good read
// gave — the schedule it holds and the announcements it has looked up before. If
// the fresh database could not be given the damaged one's announcements, the ones
// looked up before stay playable for the rest of the run (keep_remembered()).
// Engine thread only, like the connection it reads through.
#include "library/announcement.hpp"

#include <map>
#include <optional>
#include <string>

namespace loa::library {
class Library;
}

namespace loa::engine {

class RememberedLibrary {
public:
    explicit RememberedLibrary(const library::Library &library) : m_library(library) {}

    /// The library's announcement `id`; while the library cannot be read, the one it
    /// gave last (none if it never gave one).
    std::optional<library::Announcement> find(const std::string &id);
    /// From now on, an id the library does not have is answered from memory too: the
    /// station's announcements were lost with a damaged database, not removed.
    void keep_remembered() noexcept { m_keep = true; }

private:
    const library::Library &m_library;
    std::map<std::string, library::Announcement> m_known;
    bool m_keep = false;
};

} // namespace loa::engine
