#pragma once
#include <chrono>
#include <filesystem>

namespace loa::playout {

/// One thing to play: an audio file at a level.
struct PlayItem {
    std::filesystem::path file;
    double gain_db = 0.0; ///< applied linearly; exactly 0 keeps the samples bit-exact
    /// Start this far into the file (resuming an item an emergency interrupted).
    std::chrono::milliseconds start_offset{0};
    /// Another item follows directly after this one (no gap): play() returns as soon as
    /// the last frame is queued, with ended_at the exact instant it will leave the device,
    /// so the next play() given that instant continues sample-contiguously.
    bool followed = false;
};

} // namespace loa::playout
