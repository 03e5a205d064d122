// The command line's one table: what each command takes. The parser (arguments.cpp),
// `--help` (help.cpp) and the tests that hold packaging/loa.1 and
// packaging/loa.bash-completion to it (tests/e2e/cli_table_test.sh) all read it.
#include "cli/command.hpp"

namespace loa::cli {
namespace {

const OptionSpec json_flag = flag("--json", "machine-readable output (JSON)");
const OptionSpec output_file =
    aliased(text("--output", "FILE", "write to FILE instead of standard output"), "-o");
const OptionSpec player_output = text(
    "--output", "device:NAME|wav:PATH|null",
    "play to this sound device, into a WAV file, or into nothing; default: station.toml's device");

Command campaign() {
    return {"campaign",
            "add and list campaigns (awareness drives reports group by)",
            {},
            {},
            {},
            {
                {"add",
                 "add a campaign",
                 {"ID", 1, 1},
                 {required(text("--title", "T", "the campaign's title, as reports print it")),
                  text("--ref", "DOC", "the reference document, e.g. 498/STTTT-TTBCBC"),
                  date("--from", "the campaign's first day"),
                  date("--until", "the campaign's last day")},
                 run_campaign_add},
                {"list", "list the campaigns", {}, {json_flag}, run_campaign_list},
            }};
}

Command schedule() {
    return {"schedule",
            "check, load and show schedules",
            {},
            {},
            {},
            {
                {"check",
                 "check a schedule file and print every problem as FILE:LINE:COL",
                 {"FILE", 1, 1},
                 {},
                 run_schedule_check},
                {"load",
                 "check a schedule file, then make it the active schedule",
                 {"FILE", 1, 1},
                 {},
                 run_schedule_load},
                {"show",
                 "show the active schedule's planned occurrences",
                 {},
                 {date("--from", "the first day shown; default today"),
                  count("--days", 1, 366, "how many days to show; default 1"), json_flag},
                 run_schedule_show},
                {"history",
                 "list every schedule version loaded",
                 {},
                 {json_flag},
                 run_schedule_history},
            }};
}

} // namespace

const std::vector<Command> &commands() {
    static const std::vector<Command> all{
        {"init",
         "create the station home (station.toml, database, library); safe to repeat",
         {},
         {text("--code", "C", "the station's code, used in every log row and report"),
          text("--name", "N", "the station's name"),
          text("--timezone", "TZ", "default Asia/Ho_Chi_Minh"),
          text("--reports-to", "AGENCY", "the agency the station reports to")},
         run_init},
        {"import",
         "check and measure recordings and add them to the library; prints their ids",
         {"FILE...", 1, any_number},
         {text("--id", "ID",
               "the id to store it under (one file only); default from the file name"),
          text("--title", "T", "its title"), text("--campaign", "C", "the campaign it belongs to"),
          text("--category", "K", "its category"), text("--ref", "DOC", "its reference document"),
          date("--valid-from", "the first day it may play"),
          date("--valid-until", "the last day it may play"),
          flag("--replace", "store a new recording under an existing id"),
          flag("--force", "accept a recording longer than three hours")},
         run_import},
        {"list", "list the announcements in the library", {}, {json_flag}, run_list},
        {"show",
         "show one announcement and what import measured",
         {"ID", 1, 1},
         {json_flag},
         run_show},
        {"remove",
         "remove an announcement the active schedule does not play",
         {"ID", 1, 1},
         {json_flag},
         run_remove},
        campaign(),
        schedule(),
        {"run",
         "the unattended player: plays the active schedule on time and logs every play",
         {},
         {player_output},
         run_player},
        {"play",
         "play an announcement now, through the running player (or directly when none runs)",
         {"ID", 1, 1},
         {choice("--priority", "normal|priority|emergency",
                 "default normal; emergency also plays in quiet hours"),
          player_output},
         run_play},
        {"status",
         "the player's state, what is on air, the next five slots and the last problems",
         {},
         {json_flag},
         run_status,
         {},
         "exit 0: a player answered; 3: no player is running"},
        {"simulate",
         "print the plays the player would log over a period, without playing or logging anything",
         {},
         {required(text("--from", "DATE|DATETIME", "the start, station time")),
          required(text("--to", "DATE|DATETIME", "the end, station time")),
          text("--schedule", "FILE", "simulate this schedule file instead of the active one"),
          json_flag},
         run_simulate},
        {"devices", "list the sound output devices", {}, {json_flag}, run_devices},
        {"log",
         "show the play log",
         {},
         {date("--from", "the first day, included"), date("--to", "the last day, included"),
          choice("--status", "completed|interrupted|failed|missed|skipped|started",
                 "only plays with this outcome"),
          json_flag},
         run_log},
        {"export",
         "write the raw play log for the province",
         {},
         {required(date("--from", "the first day, included")),
          required(date("--to", "the last day, included")),
          choice("--format", "csv|json|xlsx", "default csv"),
          flag("--excel", "with csv: a copy for people (Vietnamese headings, dd/MM/yyyy dates)"),
          output_file},
         run_export},
        {"report",
         "the period's summary for the province, with a signature block",
         {},
         {required(date("--from", "the first day, included")),
          required(date("--to", "the last day, included")),
          text("--campaign", "C", "only this campaign"),
          choice("--format", "text|csv|html|xlsx", "default text; xlsx needs -o"), output_file},
         run_report},
        {"verify",
         "check the play log's hash chain, or an exported CSV/JSON file's (against report R)",
         {"[FILE]", 0, any_number}, // the command says why one at most
         {text("--report", "R",
               "a report (HTML or text) whose 'log chain' line the log or file must hold")},
         run_verify},
    };
    return all;
}

} // namespace loa::cli
