#include "core/error.hpp"

namespace loa {

std::string quote(const std::filesystem::path &path) {
    return "'" + path.string() + "'";
}

} // namespace loa
