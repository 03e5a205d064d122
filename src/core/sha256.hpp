#pragma once
// SHA-256 through OpenSSL's libcrypto: content addresses of announcements and the
// play log's hash chain.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace loa {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void update(const void *data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    /// The digest as 64 lowercase hex digits. Ends the computation.
    std::string hex_digest();

    static std::string of(std::string_view text);
    /// Hashes a whole file, streaming. Throws Error naming the file on a read failure.
    static std::string of_file(const std::filesystem::path &path);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

/// Hex digits to bytes; throws Error on malformed input.
std::string hex_to_bytes(std::string_view hex);

} // namespace loa
