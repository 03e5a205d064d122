#include "playlog/chain.hpp"

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/sha256.hpp"
#include "playlog/play_fields.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

namespace loa::playlog {
namespace {

/// The hashed fields of `encoding`, in byte order of their keys, as the encoding
/// requires (note that "schedule_sha256" sorts before "scheduled_at").
std::vector<const PlayField *> canonical_fields(int encoding) {
    std::vector<const PlayField *> hashed;
    for (const auto &field : play_fields())
        if (field.canonical_since > 0 && field.canonical_since <= encoding)
            hashed.push_back(&field);
    std::sort(hashed.begin(), hashed.end(),
              [](const PlayField *a, const PlayField *b) { return a->key < b->key; });
    return hashed;
}

const std::vector<const PlayField *> &fields_of(int encoding) {
    static const std::array<std::vector<const PlayField *>, current_encoding> encodings = [] {
        std::array<std::vector<const PlayField *>, current_encoding> all;
        for (int e = 1; e <= current_encoding; ++e)
            all[static_cast<std::size_t>(e - 1)] = canonical_fields(e);
        return all;
    }();
    if (encoding < 1 || encoding > current_encoding)
        throw Error("canonical encoding " + std::to_string(encoding) + " is not known to this loa");
    return encodings[static_cast<std::size_t>(encoding - 1)];
}

void append(std::string &out, const FieldValue &value) {
    if (const auto text = text_of(value)) {
        json::append_string(out, *text);
    } else if (const auto *number = std::get_if<std::int64_t>(&value)) {
        char digits[24];
        out.append(digits, std::to_chars(digits, digits + sizeof digits, *number).ptr);
    } else if (const auto *flag = std::get_if<bool>(&value)) {
        out += *flag ? "true" : "false";
    } else {
        out += "null";
    }
}

} // namespace

const std::string genesis_hash(64, '0');

std::string canonical_encoding(const PlayRecord &r, const std::string &chain_id, int encoding) {
    std::string out;
    out.reserve(640);
    canonical_encoding(r, chain_id, out, encoding);
    return out;
}

void canonical_encoding(const PlayRecord &r, const std::string &chain_id, std::string &out,
                        int encoding) {
    // The chain id is always part of the text, whether or not the row has its seq yet.
    const std::string_view chain = chain_id;
    out.clear();
    out.push_back('{');
    bool first = true;
    for (const PlayField *field : fields_of(encoding)) {
        if (!first)
            out.push_back(',');
        first = false;
        out.push_back('"');
        out.append(field->key); // keys are plain ASCII: nothing to escape
        out += "\":";
        append(out, field->key == "chain_id" ? FieldValue(chain) : field->get(r, chain));
    }
    out.push_back('}');
}

std::string chain_hash(const std::string &prev_hash_hex, const std::string &canonical) {
    return Sha256::of({hex_to_bytes(prev_hash_hex), canonical});
}

} // namespace loa::playlog
