#pragma once
#include <filesystem>

namespace loa::playout {

/// One thing to play: an audio file at a level.
struct PlayItem {
    std::filesystem::path file;
    double gain_db = 0.0; ///< applied linearly; exactly 0 keeps the samples bit-exact
};

} // namespace loa::playout
