#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/time_zone.hpp"

#include <ostream>

namespace loa::cli {

int run_init(Context &context, const Arguments &args) {
    station::StationConfig config;
    config.code = args.option("--code").value_or("STATION-01");
    config.name = args.option("--name").value_or("Đài Truyền thanh");
    config.timezone = args.option("--timezone").value_or(config.timezone);
    config.reports_to = args.option("--reports-to").value_or("");
    TimeZone::load(config.timezone); // refuse an unknown zone before writing anything
    const bool created = context.home.initialise(config);
    if (created) {
        context.out << "created station " << config.code << " in " << context.home.root().string()
                    << "\n"
                    << "edit " << context.home.config_path().string()
                    << " to set the station's name, code and sound card\n";
    } else {
        context.out << "station home " << context.home.root().string()
                    << " is ready (station.toml kept as it was)\n";
        if (args.option("--code") || args.option("--name") || args.option("--timezone"))
            context.err << "loa: note: station.toml already exists, so --code/--name/--timezone "
                           "were not applied; edit "
                        << context.home.config_path().string() << " to change them\n";
    }
    return 0;
}

} // namespace loa::cli
