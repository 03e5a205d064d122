#pragma once
// SHA-256 through libgcrypt: content addresses of announcements and the play log's
// hash chain. libgcrypt rather than OpenSSL because loa has it in memory anyway
// (libsystemd links it), and it is lighter to use: OpenSSL 3's first hash brings
// libcrypto's resident memory from 1.4 to 3.4 MB (providers, configuration),
// libgcrypt's SHA-256 from 0.1 to 0.7 MB.
#include <cstddef>
#include <filesystem>
#include <initializer_list>
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

    /// The digest of the pieces one after the other, without a context to set up:
    /// the play log hashes every row this way.
    static std::string of(std::initializer_list<std::string_view> pieces);
    static std::string of(std::string_view text) { return of({text}); }
    /// Hashes a whole file, streaming. Throws Error naming the file on a read failure.
    static std::string of_file(const std::filesystem::path &path);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

/// Hex digits to bytes; throws Error on malformed input.
std::string hex_to_bytes(std::string_view hex);

} // namespace loa
