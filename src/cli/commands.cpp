#include "cli/command.hpp"

namespace loa::cli {

const std::vector<Command> &commands() {
    static const std::vector<Command> all{
        {"init", "[--code C --name N --timezone TZ --reports-to AGENCY]",
         "create the station home (station.toml, database, library); safe to repeat", run_init},
        {"import",
         "FILE... [--id ID --title T --campaign C --category K --ref DOC --valid-from DATE --valid-until DATE "
         "--replace --force]",
         "check and measure recordings and add them to the library; prints their ids", run_import},
        {"list", "[--json]", "list the announcements in the library", run_list},
        {"show", "ID [--json]", "show one announcement and what import measured", run_show},
        {"remove", "ID [--json]", "remove an announcement the active schedule does not play", run_remove},
        {"campaign", "add ID --title T [--ref DOC --from DATE --until DATE] | list [--json]",
         "add and list campaigns (awareness drives reports group by)", run_campaign},
        {"schedule", "check FILE | load FILE | show [--from DATE --days N --json] | history",
         "check, load and show schedules", run_schedule},
        {"run", "[--output device:NAME|wav:PATH|null]",
         "the unattended player: plays the active schedule on time and logs every play", run_player},
        {"play", "ID [--priority normal|priority|emergency] [--output device:NAME|wav:PATH|null]",
         "play an announcement now, through the running player (or directly when none runs)", run_play},
        {"status", "[--json]   (exit 0: a player answered; 3: no player is running)",
         "the player's state, what is on air, the next five slots and the last problems", run_status},
        {"simulate", "--from DATE|DATETIME --to DATE|DATETIME [--schedule FILE] [--json]",
         "print the plays the player would log over a period, without playing or logging anything",
         run_simulate},
        {"devices", "[--json]", "list the sound output devices", run_devices},
        {"log", "[--from DATE --to DATE --status S --json]", "show the play log", run_log},
        {"export", "--from DATE --to DATE --format csv|json|xlsx [--excel] [-o FILE]",
         "write the raw play log for the province", run_export},
        {"report", "--from DATE --to DATE [--campaign C] [--format text|csv|html] [-o FILE]",
         "the period's summary for the province, with a signature block", run_report},
        {"verify", "[FILE] [--report R]", "check the play log's hash chain, or an exported CSV/JSON file's (against report R)", run_verify},
    };
    return all;
}

} // namespace loa::cli
