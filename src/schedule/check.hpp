#pragma once
// Checks of a parsed schedule against the station: what parse() cannot know from
// the file alone. Each returns Diagnostics for the same file, at the positions
// parse() kept.
#include "schedule/schedule.hpp"

#include <functional>
#include <string>
#include <vector>

namespace loa::schedule {

/// An error at each `play` entry naming an announcement `exists` does not know.
std::vector<Diagnostic> check_announcements(const Schedule &schedule, const std::string &file,
                                            const std::function<bool(const std::string &)> &exists);

} // namespace loa::schedule
