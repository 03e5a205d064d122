// loa say "TEXT" | --file F: a typed notice made into an announcement. The text is
// read aloud (speech/bulletin.hpp: normalised, by the [tts] command or espeak-ng,
// brought to the station's loudness), written as a WAV and imported through the
// library's one import path, so it is measured and content-addressed like any
// recording, its text kept in its row. With --play it then plays through `loa
// play`'s path (play_now).
#include "cli/arguments.hpp"
#include "cli/command.hpp"
#include "cli/import_line.hpp"
#include "cli/open_station.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "library/library.hpp"
#include "library/slug.hpp"
#include "playlog/play_log.hpp"
#include "speech/bulletin.hpp"
#include "speech/espeak_voice.hpp"
#include "speech/wav_file.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <sstream>

namespace loa::cli {
namespace {

/// The notice's text: the one word given, or the file --file names.
std::string notice_text(const Arguments &args) {
    const auto file = args.option("--file");
    if (file.has_value() == !args.positionals().empty())
        throw UsageError(_("loa say: give the notice's text in quotes, or --file FILE, not both"));
    if (!file)
        return args.positionals().front();
    std::ifstream in(*file, std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf()))
        throw InputError(i18n::format(_("cannot read {1}; check the file's name"), quote(*file)));
    return text.str();
}

/// The first line of `text`, at most `bytes` long, cut between UTF-8 characters.
std::string first_line(const std::string &text, std::size_t bytes) {
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    std::string line = text.substr(begin, text.find('\n', begin) - begin);
    if (line.size() > bytes) {
        std::size_t cut = bytes;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
            --cut;
        line.resize(cut);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        line.pop_back();
    return line;
}

/// --id, else a slug of the title's first words (whole words, up to 40 letters),
/// else one of the time.
std::string notice_id(const Arguments &args, const std::string &title, TimePoint now) {
    if (auto id = args.option("--id"))
        return *id;
    std::string id = library::slugify(title);
    if (id.size() > 40)
        id.resize(id.find_last_of('-', 40) == std::string::npos ? 40 : id.find_last_of('-', 40));
    if (library::is_valid_id(id))
        return id;
    return "thong-bao-" +
           std::to_string(
               std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

/// A folder of its own for the WAV, removed with it.
struct ScratchFolder {
    std::filesystem::path path;
    ScratchFolder() {
        std::string name = (std::filesystem::temp_directory_path() / "loa-say.XXXXXX").string();
        if (::mkdtemp(name.data()) == nullptr)
            throw Error(i18n::format(_("cannot create a temporary folder in {1}; free disk space"),
                                     quote(std::filesystem::temp_directory_path())));
        path = name;
    }
    ~ScratchFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

speech::BulletinRequest bulletin_request(const Arguments &args,
                                         const station::StationConfig &config, Priority priority,
                                         const std::filesystem::path &scratch) {
    speech::BulletinRequest request;
    request.text = notice_text(args);
    request.voice = args.option("--voice").value_or("vi");
    speech::check_voice(request.voice);
    request.rate_wpm = args.count("--rate").value_or(speech::default_rate_wpm);
    request.times = priority == Priority::emergency && config.tts.repeat_emergency ? 2 : 1;
    request.command = config.tts.command;
    request.timeout = std::chrono::seconds(config.tts.timeout_seconds);
    request.target_lufs = config.loudness_target_lufs;
    request.scratch = scratch;
    return request;
}

/// Makes the notice's speech and imports it; returns its id.
std::string make_announcement(Context &context, const Arguments &args, Priority priority) {
    auto station = open_station(context.home, Access::write_after_check);
    const ScratchFolder scratch;
    auto request = bulletin_request(args, station.config, priority, scratch.path);
    const auto bulletin = speech::make_bulletin(request);
    if (bulletin.problem)
        context.err << "loa: " << i18n::format(_("warning: {1}"), *bulletin.problem) << "\n";
    const auto now = std::chrono::system_clock::now();
    const std::string title = args.option("--title").value_or(first_line(request.text, 80));
    const std::string id = notice_id(args, title, now);
    const auto wav = scratch.path / (library::is_valid_id(id) ? id + ".wav" : "thong-bao.wav");
    speech::write_wav(wav, bulletin.speech);

    const playlog::PlayLog log(*station.db, station.config.code, station.zone);
    library::Library library(*station.db, context.home.library_path(),
                             [&log] { return log.played_content(); });
    library::ImportRequest import{wav, id, title, args.option("--campaign")};
    import.spoken_text = request.text;
    import.existing =
        args.flag("--replace") ? library::ExistingId::replace : library::ExistingId::refuse;
    const auto result = library.import(import, station.zone.format_iso(now));
    context.out << import_line(result) << "\n";
    return result.announcement.id;
}

} // namespace

int run_say(Context &context, const Arguments &args) {
    for (const char *option : {"--priority", "--output"})
        if (args.option(option) && !args.flag("--play"))
            throw UsageError(i18n::format(
                _("loa say: {1} is for --play; add --play, or leave {1} out"), option));
    const Priority priority = priority_option(args);
    const std::string id = make_announcement(context, args, priority);
    return args.flag("--play") ? play_now(context, args, id, priority) : 0;
}

} // namespace loa::cli
