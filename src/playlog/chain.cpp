#include "playlog/chain.hpp"

#include "core/error.hpp"
#include "core/json.hpp"

#include <openssl/evp.h>

#include <charconv>
#include <cstring>


namespace loa::playlog {
namespace {

void append(std::string &out, const std::optional<std::string> &value) {
    if (value)
        json::append_string(out, *value);
    else
        out += "null";
}

void append(std::string &out, std::int64_t value) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

void append(std::string &out, const std::optional<std::int64_t> &value) {
    if (value)
        append(out, *value);
    else
        out += "null";
}

void append(std::string &out, const std::optional<bool> &value) {
    out += value ? (*value ? "true" : "false") : "null";
}

void append(std::string &out, std::string_view value) {
    json::append_string(out, value);
}

void append(std::string &out, const std::string &value) {
    json::append_string(out, value);
}

int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// One SHA-256 context per thread, reused for every row: verifying a year of
/// plays hashes a million rows, and a fresh OpenSSL context each time costs more
/// than the hash of a short row.
class RowHasher {
public:
    RowHasher() : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), m_context(EVP_MD_CTX_new()) {
        if (!m_md || !m_context)
            throw Error("cannot start SHA-256 (OpenSSL)");
    }
    ~RowHasher() {
        EVP_MD_CTX_free(m_context);
        EVP_MD_free(m_md);
    }
    RowHasher(const RowHasher &) = delete;
    RowHasher &operator=(const RowHasher &) = delete;

    std::string hash(std::string_view prev_hash_hex, std::string_view canonical) {
        if (prev_hash_hex.size() % 2 != 0 || prev_hash_hex.size() > 2 * sizeof m_prev)
            throw Error("malformed hex string");
        const std::size_t prev_size = prev_hash_hex.size() / 2;
        for (std::size_t i = 0; i < prev_size; ++i) {
            const int high = hex_value(prev_hash_hex[2 * i]), low = hex_value(prev_hash_hex[2 * i + 1]);
            if (high < 0 || low < 0)
                throw Error("malformed hex string");
            m_prev[i] = static_cast<unsigned char>(high * 16 + low);
        }
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (EVP_DigestInit_ex(m_context, m_md, nullptr) != 1 ||
            EVP_DigestUpdate(m_context, m_prev, prev_size) != 1 ||
            EVP_DigestUpdate(m_context, canonical.data(), canonical.size()) != 1 ||
            EVP_DigestFinal_ex(m_context, digest, &length) != 1)
            throw Error("SHA-256 failed (OpenSSL)");
        static constexpr char digits[] = "0123456789abcdef";
        std::string hex(2 * length, '0');
        for (unsigned int i = 0; i < length; ++i) {
            hex[2 * i] = digits[digest[i] >> 4];
            hex[2 * i + 1] = digits[digest[i] & 0xf];
        }
        return hex;
    }

private:
    EVP_MD *m_md;
    EVP_MD_CTX *m_context;
    unsigned char m_prev[64] = {};
};

} // namespace

const std::string genesis_hash(64, '0');

std::string canonical_encoding(const PlayRecord &r, const std::string &chain_id) {
    std::string out;
    out.reserve(640);
    canonical_encoding(r, chain_id, out);
    return out;
}

void canonical_encoding(const PlayRecord &r, const std::string &chain_id, std::string &out) {
    // Members in byte order of their keys, as the encoding requires (note that
    // "schedule_sha256" sorts before "scheduled_at"). chain_test pins the bytes.
    out.clear();
    out += "{\"announcement\":";
    append(out, r.announcement);
    out += ",\"campaign\":";
    append(out, r.campaign);
    out += ",\"chain_id\":";
    append(out, chain_id);
    out += ",\"clock_synced\":";
    append(out, r.clock_synced);
    out += ",\"device\":";
    append(out, r.device);
    out += ",\"duration_ms\":";
    append(out, r.duration_ms);
    out += ",\"ended_at\":";
    append(out, r.ended_at);
    out += ",\"error\":";
    append(out, r.error);
    out += ",\"lateness_ms\":";
    append(out, r.lateness_ms);
    out += ",\"play_id\":";
    append(out, r.play_id);
    out += ",\"position\":";
    append(out, r.position);
    out += ",\"priority\":";
    append(out, to_string(r.priority));
    out += ",\"schedule_sha256\":";
    append(out, r.schedule_sha256);
    out += ",\"scheduled_at\":";
    append(out, r.scheduled_at);
    out += ",\"seq\":";
    append(out, r.seq);
    out += ",\"sha256\":";
    append(out, r.sha256);
    out += ",\"slot\":";
    append(out, r.slot);
    out += ",\"started_at\":";
    append(out, r.started_at);
    out += ",\"station\":";
    append(out, r.station);
    out += ",\"status\":";
    append(out, to_string(r.status));
    out += ",\"title\":";
    append(out, r.title);
    out += ",\"trigger\":";
    append(out, to_string(r.trigger));
    out += ",\"underruns\":";
    append(out, r.underruns);
    out += "}";
}

std::string chain_hash(const std::string &prev_hash_hex, const std::string &canonical) {
    thread_local RowHasher hasher;
    return hasher.hash(prev_hash_hex, canonical);
}

} // namespace loa::playlog
