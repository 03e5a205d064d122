#include "playout/output_spec.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace loa::playout {
namespace {

[[noreturn]] void refuse(std::string_view text, std::string_view why) {
    throw UsageError(i18n::format(_("--output '{1}': {2}; use device, device:NAME (a name, part "
                                    "of one, or an index from `loa devices`), wav:PATH or null"),
                                  text, why));
}

} // namespace

OutputSpec parse_output_spec(std::string_view text) {
    const std::size_t colon = text.find(':');
    const std::string_view kind = text.substr(0, colon);
    const bool has_target = colon != std::string_view::npos;
    const std::string_view target = has_target ? text.substr(colon + 1) : std::string_view();

    if (kind == "device") {
        if (has_target && target.empty())
            refuse(text, _("the device name is empty"));
        return {OutputSpec::Kind::device, has_target ? std::string(target) : "default"};
    }
    if (kind == "wav") {
        if (target.empty())
            refuse(text, _("the WAV file's path is missing"));
        return {OutputSpec::Kind::wav, std::string(target)};
    }
    if (kind == "null") {
        if (has_target)
            refuse(text, _("null takes no name"));
        return {OutputSpec::Kind::null, ""};
    }
    refuse(text, text.empty() ? _("empty") : _("unknown output kind"));
}

std::string to_string(const OutputSpec &spec) {
    switch (spec.kind) {
    case OutputSpec::Kind::device:
        return "device:" + spec.target;
    case OutputSpec::Kind::wav:
        return "wav:" + spec.target;
    case OutputSpec::Kind::null:
        return "null";
    }
    return "null";
}

} // namespace loa::playout
