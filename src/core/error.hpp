#pragma once
// The exceptions loa throws. Every message is written for the operator: what is
// wrong, where (file, line), and what to do. main() prints it once and maps the
// type to DESIGN.md's exit codes.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace loa {

/// A runtime failure (device, disk, database): exit code 3.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The operator's input was refused (bad file, failed check, unknown id): exit code 1.
class InputError : public Error {
public:
    using Error::Error;
};

/// The command line itself was wrong: exit code 2.
class UsageError : public Error {
public:
    using Error::Error;
};

/// Quotes a path for messages the way a shell user would type it.
std::string quote(const std::filesystem::path &path);

} // namespace loa
