#pragma once
// Files that appear whole or not at all: written under a temporary name in the
// same directory, fsync'd, renamed into place, and the directory fsync'd, so a
// power cut leaves either the old file or the new one.
#include <filesystem>
#include <string_view>

namespace loa {

/// Writes `content` to `path` atomically and durably. Throws Error naming the file
/// (disk full, read-only, permissions).
void write_file_durably(const std::filesystem::path &path, std::string_view content);

/// Copies `from` to `to` atomically and durably (temporary name, fsync, rename).
void copy_file_durably(const std::filesystem::path &from, const std::filesystem::path &to);

/// fsync()s a directory so a rename inside it survives a power cut.
void sync_directory(const std::filesystem::path &directory);

/// Reads a whole (small) text file. Throws InputError naming the file if it cannot.
std::string read_text_file(const std::filesystem::path &path);

} // namespace loa
