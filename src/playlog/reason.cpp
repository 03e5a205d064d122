#include "playlog/reason.hpp"

#include "core/json.hpp"
#include "playlog/flat_json.hpp"

namespace loa::playlog {

std::string_view Reason::param(std::string_view name) const noexcept {
    for (const auto &[key, value] : params)
        if (key == name)
            return value;
    return {};
}

std::string params_json(const Reason &reason) {
    std::string out = "{";
    for (const auto &[key, value] : reason.params) {
        if (out.size() > 1)
            out.push_back(',');
        json::append_string(out, key);
        out.push_back(':');
        json::append_string(out, value);
    }
    out.push_back('}');
    return out;
}

std::optional<Reason> stored_reason(std::string_view code, std::string_view params) {
    auto object = parse_flat_json(params);
    if (!object)
        return std::nullopt;
    Reason reason(std::string(code), {});
    for (auto &[key, value] : *object)
        reason.params.emplace_back(std::move(key), value.value_or(""));
    return reason;
}

} // namespace loa::playlog
