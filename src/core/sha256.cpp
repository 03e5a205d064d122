#include "core/sha256.hpp"

#include "core/error.hpp"

#include <gcrypt.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <vector>

namespace loa {
namespace {

constexpr std::size_t k_digest_size = 32;

/// libgcrypt wants its version checked once before first use. Hashing needs no secure
/// memory, and turning it off keeps libgcrypt from warning about it.
void start_libgcrypt() {
    static std::once_flag started;
    std::call_once(started, [] {
        if (gcry_check_version(GCRYPT_VERSION) == nullptr)
            throw Error(std::string("libgcrypt ") + gcry_check_version(nullptr) +
                        " is older than the " + GCRYPT_VERSION +
                        " loa was built with: reinstall the loa package");
        gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
        gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    });
}

std::string to_hex(const unsigned char *bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex(2 * k_digest_size, '0');
    for (std::size_t i = 0; i < k_digest_size; ++i) {
        hex[2 * i] = digits[bytes[i] >> 4];
        hex[2 * i + 1] = digits[bytes[i] & 0xf];
    }
    return hex;
}

} // namespace

struct Sha256::Context {
    gcry_md_hd_t md = nullptr;
    ~Context() { gcry_md_close(md); }
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
    start_libgcrypt();
    if (gcry_md_open(&m_context->md, GCRY_MD_SHA256, 0) != 0)
        throw Error("cannot start SHA-256 (libgcrypt)");
}

Sha256::~Sha256() = default;

void Sha256::update(const void *data, std::size_t size) {
    gcry_md_write(m_context->md, data, size);
}

std::string Sha256::hex_digest() {
    return to_hex(gcry_md_read(m_context->md, GCRY_MD_SHA256));
}

std::string Sha256::of(std::initializer_list<std::string_view> pieces) {
    start_libgcrypt();
    std::vector<gcry_buffer_t> buffers(pieces.size());
    auto buffer = buffers.begin();
    for (const std::string_view piece : pieces) {
        buffer->size = buffer->len = piece.size();
        buffer->data = const_cast<char *>(piece.data()); // libgcrypt only reads it
        ++buffer;
    }
    std::array<unsigned char, k_digest_size> digest{};
    if (gcry_md_hash_buffers(GCRY_MD_SHA256, 0, digest.data(), buffers.data(),
                             static_cast<int>(buffers.size())) != 0)
        throw Error("SHA-256 failed (libgcrypt)");
    return to_hex(digest.data());
}

std::string Sha256::of_file(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot read " + quote(path) + ": " + std::strerror(errno));
    Sha256 sha;
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        sha.update(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        throw Error("read error in " + quote(path));
    return sha.hex_digest();
}

std::string hex_to_bytes(std::string_view hex) {
    auto value = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0)
        throw Error("malformed hex string");
    std::string bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = value(hex[i]), low = value(hex[i + 1]);
        if (high < 0 || low < 0)
            throw Error("malformed hex string");
        bytes.push_back(static_cast<char>(high * 16 + low));
    }
    return bytes;
}

} // namespace loa
