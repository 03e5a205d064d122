#include "cli/command.hpp"

namespace loa::cli {

const std::vector<Command> &commands() {
    static const std::vector<Command> all{
        {"init", "[--code C --name N --timezone TZ --reports-to AGENCY]",
         "create the station home (station.toml, database, library); safe to repeat", run_init},
        {"import", "FILE... [--id ID --title T --campaign C --category K --ref DOC]",
         "check recordings and add them to the library; prints their ids", run_import},
        {"list", "[--json]", "list the announcements in the library", run_list},
        {"show", "ID [--json]", "show one announcement and what import measured", run_show},
        {"schedule", "check FILE | load FILE | show [--from DATE --days N --json] | history",
         "check, load and show schedules", run_schedule},
        {"run", "[--output device:NAME|wav:PATH|null]",
         "the unattended player: plays the active schedule on time and logs every play", run_player},
        {"devices", "[--json]", "list the sound output devices", run_devices},
        {"log", "[--from DATE --to DATE --status S --json]", "show the play log", run_log},
        {"export", "--from DATE --to DATE --format csv|json [-o FILE]",
         "write the raw play log for the province", run_export},
    };
    return all;
}

} // namespace loa::cli
