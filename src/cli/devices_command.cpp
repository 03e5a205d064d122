#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "core/i18n.hpp"
#include "core/json.hpp"
#include "playout/device_info.hpp"

#include <ostream>

namespace loa::cli {

int run_devices(Context &context, const Arguments &args) {
    const auto devices = playout::list_devices();
    if (args.flag("--json")) {
        context.out << "[";
        for (std::size_t i = 0; i < devices.size(); ++i) {
            const auto &d = devices[i];
            context.out << (i ? "," : "") << "{\"index\":" << d.index
                        << ",\"name\":" << json::quoted(d.name)
                        << ",\"host_api\":" << json::quoted(d.host_api)
                        << ",\"channels\":" << d.max_output_channels
                        << ",\"default_rate\":" << d.default_rate
                        << ",\"default\":" << (d.is_default ? "true" : "false") << "}";
        }
        context.out << "]\n";
        return 0;
    }
    if (devices.empty()) {
        context.out << _("no sound output device found on this machine") << "\n";

        return 0;
    }
    for (const auto &d : devices)
        context.out << d.index << (d.is_default ? " *" : "  ") << "\t" << d.name << "\t"
                    << d.host_api << "\t" << d.max_output_channels << " ch\t" << d.default_rate
                    << " Hz\n";
    return 0;
}

} // namespace loa::cli
