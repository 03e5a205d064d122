#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
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
        context.out << i18n::format(_("created station {1} in {2}\n"
                                      "edit {3} to set the station's name, code and sound card"),
                                    config.code, context.home.root().string(),
                                    context.home.config_path().string())
                    << "\n";
    } else {
        context.out << i18n::format(_("station home {1} is ready (station.toml kept as it was)"),
                                    context.home.root().string())
                    << "\n";
        if (args.option("--code") || args.option("--name") || args.option("--timezone"))
            context.err << "loa: "
                        << i18n::format(_("note: station.toml already exists, so "
                                          "--code/--name/--timezone were not applied; edit {1} to "
                                          "change them"),
                                        context.home.config_path().string())
                        << "\n";
    }
    return 0;
}

} // namespace loa::cli
