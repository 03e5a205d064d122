// The command line's one table: what each command takes. The parser (arguments.cpp),
// `--help` (help.cpp) and the tests that hold packaging/loa.1 and
// packaging/loa.bash-completion to it (tests/e2e/cli_table_test.sh) all read it.
#include "cli/command.hpp"
#include "core/i18n.hpp"

namespace loa::cli {
namespace {

const OptionSpec json_flag = flag("--json", N_("machine-readable output (JSON)"));
const OptionSpec output_file =
    aliased(text("--output", "FILE", N_("write to FILE instead of standard output")), "-o");
const OptionSpec player_output = text(
    "--output", "device:NAME|wav:PATH|null",
    N_("play to this sound device, into a WAV file, or into nothing; default: station.toml's device"));

Command campaign() {
    return {"campaign",
            N_("add and list campaigns (awareness drives reports group by)"),
            {},
            {},
            {},
            {
                {"add",
                 N_("add a campaign"),
                 {"ID", 1, 1},
                 {required(text("--title", "T", N_("the campaign's title, as reports print it"))),
                  text("--ref", "DOC", N_("the reference document, e.g. 498/STTTT-TTBCBC")),
                  date("--from", N_("the campaign's first day")),
                  date("--until", N_("the campaign's last day"))},
                 run_campaign_add},
                {"list", N_("list the campaigns"), {}, {json_flag}, run_campaign_list},
            }};
}

Command schedule() {
    return {"schedule",
            N_("check, load and show schedules"),
            {},
            {},
            {},
            {
                {"check",
                 N_("check a schedule file and print every problem as FILE:LINE:COL"),
                 {"FILE", 1, 1},
                 {},
                 run_schedule_check},
                {"load",
                 N_("check a schedule file, then make it the active schedule"),
                 {"FILE", 1, 1},
                 {},
                 run_schedule_load},
                {"show",
                 N_("show the active schedule's planned occurrences"),
                 {},
                 {date("--from", N_("the first day shown; default today")),
                  count("--days", 1, 366, N_("how many days to show; default 1")), json_flag},
                 run_schedule_show},
                {"history",
                 N_("list every schedule version loaded"),
                 {},
                 {json_flag},
                 run_schedule_history},
            }};
}

Command user() {
    return {"user",
            N_("add, change and list the people who may use the station's console"),
            {},
            {},
            {},
            {
                {"add",
                 N_("add a user; the password is asked twice (or read from standard input)"),
                 {"NAME", 1, 1},
                 {required(choice("--role", "operator|viewer",
                                  N_("operator: plays, loads and imports; viewer: looks and "
                                     "downloads")))},
                 run_user_add},
                {"passwd",
                 N_("set a user's new password (asked twice, or read from standard input)"),
                 {"NAME", 1, 1},
                 {},
                 run_user_passwd},
                {"remove", N_("remove a user"), {"NAME", 1, 1}, {}, run_user_remove},
                {"list", N_("list the users and their roles"), {}, {json_flag}, run_user_list},
            }};
}

} // namespace

const std::vector<Command> &commands() {
    static const std::vector<Command> all{
        {"init",
         N_("create the station home (station.toml, database, library); safe to repeat"),
         {},
         {text("--code", "C", N_("the station's code, used in every log row and report")),
          text("--name", "N", N_("the station's name")),
          text("--timezone", "TZ", N_("default Asia/Ho_Chi_Minh")),
          text("--reports-to", "AGENCY", N_("the agency the station reports to"))},
         run_init},
        {"import",
         N_("check and measure recordings and add them to the library; prints their ids"),
         {"FILE...", 1, any_number},
         {text("--id", "ID",
               N_("the id to store it under (one file only); default from the file name")),
          text("--title", "T", N_("its title")),
          text("--campaign", "C", N_("the campaign it belongs to")),
          text("--category", "K", N_("its category")),
          text("--ref", "DOC", N_("its reference document")),
          date("--valid-from", N_("the first day it may play")),
          date("--valid-until", N_("the last day it may play")),
          flag("--replace", N_("store a new recording under an existing id")),
          flag("--force", N_("accept a recording longer than three hours"))},
         run_import},
        {"list", N_("list the announcements in the library"), {}, {json_flag}, run_list},
        {"show",
         N_("show one announcement and what import measured"),
         {"ID", 1, 1},
         {json_flag},
         run_show},
        {"remove",
         N_("remove an announcement the active schedule does not play"),
         {"ID", 1, 1},
         {json_flag},
         run_remove},
        campaign(),
        schedule(),
        {"run",
         N_("the unattended player: plays the active schedule on time and logs every play"),
         {},
         {player_output},
         run_player},
        {"play",
         N_("play an announcement now, through the running player (or directly when none runs)"),
         {"ID", 1, 1},
         {choice("--priority", "normal|priority|emergency",
                 N_("default normal; emergency also plays in quiet hours")),
          player_output},
         run_play},
        {"status",
         N_("the player's state, what is on air, the next five slots and the last problems"),
         {},
         {json_flag},
         run_status,
         {},
         N_("exit 0: a player answered; 3: no player is running")},
        {"simulate",
         N_("print the plays the player would log over a period, without playing or logging anything"),
         {},
         {required(text("--from", "DATE|DATETIME", N_("the start, station time"))),
          required(text("--to", "DATE|DATETIME", N_("the end, station time"))),
          text("--schedule", "FILE", N_("simulate this schedule file instead of the active one")),
          json_flag},
         run_simulate},
        {"devices", N_("list the sound output devices"), {}, {json_flag}, run_devices},
        {"log",
         N_("show the play log"),
         {},
         {date("--from", N_("the first day, included")), date("--to", N_("the last day, included")),
          choice("--status", "completed|interrupted|failed|missed|skipped|started",
                 N_("only plays with this outcome")),
          json_flag},
         run_log},
        {"export",
         N_("write the raw play log for the province"),
         {},
         {required(date("--from", N_("the first day, included"))),
          required(date("--to", N_("the last day, included"))),
          choice("--format", "csv|json|xlsx", N_("default csv")),
          flag("--excel",
               N_("with csv: a copy for people (Vietnamese headings, dd/MM/yyyy dates)")),
          output_file},
         run_export},
        {"report",
         N_("the period's summary for the province, with a signature block"),
         {},
         {required(date("--from", N_("the first day, included"))),
          required(date("--to", N_("the last day, included"))),
          text("--campaign", "C", N_("only this campaign")),
          choice("--format", "text|csv|html|xlsx", N_("default text; xlsx needs -o")), output_file},
         run_report},
        {"verify",
         N_("check the play log's hash chain, or an exported CSV/JSON file's (against report R)"),
         {"[FILE]", 0, any_number}, // the command says why one at most
         {text("--report", "R",
               N_("a report (HTML or text) whose 'log chain' line the log or file must hold"))},
         run_verify},
        user(),
    };
    return all;
}

} // namespace loa::cli
