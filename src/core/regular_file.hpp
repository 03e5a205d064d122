#pragma once
// Opening a file loa reads whole (an audio file, a schedule) only if it is a
// regular file: a named pipe would block the open until a writer comes, a device
// never ends. One copy of the check for import and the command line's files.
#include <filesystem>
#include <string_view>

namespace loa {

/// What to tell the user when `path` is not a regular file.
struct NotAFileHint {
    std::string_view
        folder; ///< A literal marked with N_; it is a folder: "give the audio files inside it".
    std::string_view other; ///< A pipe, device or socket: "copy ... into a file and ...".
};

/// Opens `path` read-only if it is a regular file, refusing anything else first.
/// The open does not block, and the check is repeated on the open descriptor, so a
/// file swapped for a FIFO between the two is refused too. Returns the descriptor
/// (the caller closes it); throws InputError naming the file, what it is and `hint`.
int open_regular_file(const std::filesystem::path &path, const NotAFileHint &hint);

} // namespace loa
