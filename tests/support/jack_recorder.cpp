// loa_jack_recorder: a JACK client that records what it receives, for the device tests.
//
//   loa_jack_recorder --out PATH [--name NAME] [--server NAME] [--latency FRAMES]
//
// Registers client NAME (default "rec", exact: refused if taken) with input ports in_1 and
// in_2, connects nothing itself, and writes everything it receives to PATH as a 32-bit
// float stereo WAV at the server's rate. Because it owns input ports, PortAudio's JACK host
// API lists it as an output device named NAME, so a player can open it like a sound card.
//
// stdout, one line each, flushed:
//   ready                                       ports registered and client activated
//   onset frame=<index> wall=<unix s.usec>      first non-zero frame, and every first
//                                               non-zero frame after >= 100 ms of exact
//                                               digital silence
//   stopped frames=<n> onsets=<n> dropped=<n>   on exit
// `frame` is the index in the recording; `wall` is the JACK frame time of that frame turned
// into microseconds with jack_get_cycle_times() of its cycle, plus the measured offset
// between jack_get_time() and CLOCK_REALTIME, plus the declared latency.
//
// --latency FRAMES (default 0) makes the ports declare that much playback latency, as a sound
// card's do, and `wall` then is when the sample would leave that card. It matters to
// PortAudio 19.6 (Debian 12), whose JACK host API reports a stream's outputLatency as
// (port latency - JACK buffer size + ...) in unsigned arithmetic: with 0 it wraps to
// ~89478 s at 48 kHz/256; with at least one period it is sane. Its outputBufferDacTime is
// currentTime + port latency in either case.
//
// The process callback only copies into a jack_ringbuffer (no allocation, lock or I/O); a
// writer thread drains it to libsndfile. SIGINT/SIGTERM stop it cleanly: deactivate, drain,
// close the WAV (valid header), exit 0. If the server goes away (shutdown callback, or no
// cycle for 2 s, or none in the 100 ms after the stop signal) the WAV is still closed but the
// exit code is 1. Exit codes: 0 ok; 1 runtime failure (no server, name taken, file, server
// went away or stalled); 2 usage; 3 data was lost (ring overrun or write error), the
// recording is incomplete.

#include <jack/jack.h>
#include <jack/ringbuffer.h>
#include <sndfile.h>

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>

namespace {

constexpr int kChannels = 2;
constexpr double kRingSeconds = 8.0;
constexpr double kOnsetSilenceSeconds = 0.100;
constexpr std::size_t kMaxOnsets = 4096;

struct OnsetEvent {
    std::uint64_t frame;         // index in the recording
    jack_nframes_t frame_time;   // JACK frame time of that frame
    jack_nframes_t cycle_frames; // JACK frame time of the cycle's first frame
    jack_nframes_t cycle_length; // frames in that cycle
    jack_time_t cycle_usecs;     // jack_get_cycle_times(): current_usecs
    jack_time_t next_usecs;      // jack_get_cycle_times(): next_usecs
};

struct State {
    jack_client_t *client = nullptr;
    jack_port_t *ports[kChannels] = {};
    jack_ringbuffer_t *audio = nullptr;
    std::uint64_t silence_frames = 0; // RT thread only
    std::uint64_t onset_after = 0;    // RT thread only: frames of silence making an onset
    bool heard_anything = false;      // RT thread only
    // Bytes the RT thread has put into `audio` and bytes the writer has taken out. The ring
    // itself synchronises the two threads, but inside libjack, where ThreadSanitizer cannot
    // see it; these release/acquire pairs make the hand-over visible (and bound each side to
    // what the other has published), so a sanitized build reports no false races.
    std::atomic<std::uint64_t> audio_published{0}; // RT: release after write_advance
    std::atomic<std::uint64_t> audio_released{0};  // writer: release after read_advance
    std::size_t audio_capacity = 0;                // usable bytes of `audio`
    jack_nframes_t latency = 0;                    // declared playback latency, frames
    std::atomic<std::uint64_t> frames{0};          // frames received (written or dropped)
    std::atomic<std::uint64_t> dropped{0};         // frames lost to a full ring
    // Onsets: an append-only array, RT thread writes slot n then publishes n + 1.
    OnsetEvent onsets[kMaxOnsets] = {};
    std::atomic<std::size_t> onset_count{0};
    std::atomic<std::uint64_t> onsets_dropped{0};
    std::atomic<bool> server_gone{false};
    std::atomic<bool> stop_writer{false};
    std::atomic<bool> write_failed{false};
};

State g;

// JACK chatter
// Info messages are never useful here. Errors are kept, except while opening the client:
// a failed open prints its own one-line reason, a successful one needs no commentary.
std::atomic<bool> g_quiet_errors{false};
void jack_info_sink(const char *) {}
void jack_error_sink(const char *msg) {
    if (!g_quiet_errors.load())
        std::fprintf(stderr, "loa_jack_recorder: jack: %s\n", msg);
}

// RT side
int on_process(jack_nframes_t nframes, void *) noexcept {
    const float *in[kChannels];
    for (int c = 0; c < kChannels; ++c)
        in[c] = static_cast<const float *>(jack_port_get_buffer(g.ports[c], nframes));

    const std::uint64_t first_frame = g.frames.load(std::memory_order_relaxed);

    const std::uint64_t published = g.audio_published.load(std::memory_order_relaxed);
    const std::uint64_t released = g.audio_released.load(std::memory_order_acquire);
    jack_ringbuffer_data_t vec[2];
    jack_ringbuffer_get_write_vector(g.audio, vec);
    const std::size_t need = std::size_t{nframes} * kChannels * sizeof(float);
    const bool fits =
        vec[0].len + vec[1].len >= need && published - released + need <= g.audio_capacity;

    bool have_cycle_times = false;
    jack_nframes_t cycle_frames = 0;
    jack_time_t cycle_usecs = 0, next_usecs = 0;
    float period_usecs = 0;

    // Frames are 8 bytes and the ring's size is a power of two, so a frame never straddles
    // the two segments of the write vector.
    std::size_t seg = 0, seg_off = 0;
    for (jack_nframes_t i = 0; i < nframes; ++i) {
        float frame[kChannels];
        bool nonzero = false;
        for (int c = 0; c < kChannels; ++c) {
            frame[c] = in[c][i];
            nonzero = nonzero || frame[c] != 0.0f;
        }
        if (nonzero) {
            if (!g.heard_anything || g.silence_frames >= g.onset_after) {
                if (!have_cycle_times) {
                    have_cycle_times = jack_get_cycle_times(g.client, &cycle_frames, &cycle_usecs,
                                                            &next_usecs, &period_usecs) == 0;
                    if (!have_cycle_times) {
                        cycle_frames = jack_last_frame_time(g.client);
                        cycle_usecs = next_usecs = 0;
                    }
                }
                OnsetEvent ev{first_frame + i, cycle_frames + i, cycle_frames,
                              nframes,         cycle_usecs,      next_usecs};
                const std::size_t n = g.onset_count.load(std::memory_order_relaxed);
                if (n < kMaxOnsets) {
                    g.onsets[n] = ev;
                    g.onset_count.store(n + 1, std::memory_order_release);
                } else {
                    g.onsets_dropped.fetch_add(1, std::memory_order_relaxed);
                }
            }
            g.heard_anything = true;
            g.silence_frames = 0;
        } else {
            ++g.silence_frames;
        }
        if (fits) {
            if (seg_off == vec[seg].len) {
                seg = 1;
                seg_off = 0;
            }
            std::memcpy(vec[seg].buf + seg_off, frame, sizeof frame);
            seg_off += sizeof frame;
        }
    }
    if (fits) {
        jack_ringbuffer_write_advance(g.audio, need);
        g.audio_published.store(published + need, std::memory_order_release);
    } else
        g.dropped.fetch_add(nframes, std::memory_order_relaxed);
    g.frames.store(first_frame + nframes, std::memory_order_relaxed);
    return 0;
}

// The graph asks what playback latency our input ports have: the declared one.
void on_latency(jack_latency_callback_mode_t mode, void *) {
    if (mode != JackPlaybackLatency)
        return;
    jack_latency_range_t range{g.latency, g.latency};
    for (auto *port : g.ports)
        jack_port_set_latency_range(port, JackPlaybackLatency, &range);
}

void on_shutdown(void *) {
    g.server_gone.store(true);
}
void on_info_shutdown(jack_status_t, const char *, void *) {
    g.server_gone.store(true);
}

// wall clock
std::int64_t realtime_ns() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

// CLOCK_REALTIME minus jack_get_time(), in ns: the midpoint of the tightest of several
// clock_gettime() pairs bracketing a jack_get_time() call.
std::int64_t measure_jack_to_realtime_ns() {
    std::int64_t best_offset = 0, best_bracket = INT64_MAX;
    for (int k = 0; k < 25; ++k) {
        const std::int64_t before = realtime_ns();
        const jack_time_t jt = jack_get_time();
        const std::int64_t after = realtime_ns();
        const std::int64_t bracket = after - before;
        if (bracket < best_bracket) {
            best_bracket = bracket;
            best_offset = before + bracket / 2 - static_cast<std::int64_t>(jt) * 1000;
        }
    }
    return best_offset;
}

void print_onset(const OnsetEvent &ev) {
    // Frame time -> JACK microseconds, interpolated inside the cycle as jack_frames_to_time()
    // does: current_usecs + (frame - current_frames) * (next_usecs - current_usecs) / length.
    const double within =
        static_cast<double>(static_cast<jack_nframes_t>(ev.frame_time - ev.cycle_frames));
    const double span_us = static_cast<double>(ev.next_usecs) - static_cast<double>(ev.cycle_usecs);
    std::int64_t jack_ns;
    if (ev.cycle_usecs != 0 && ev.cycle_length > 0) {
        jack_ns = static_cast<std::int64_t>(ev.cycle_usecs) * 1000 +
                  static_cast<std::int64_t>(within * span_us * 1000.0 / ev.cycle_length + 0.5);
    } else {
        jack_ns = static_cast<std::int64_t>(jack_frames_to_time(g.client, ev.frame_time)) * 1000;
    }
    const std::int64_t latency_ns = static_cast<std::int64_t>(g.latency) * 1'000'000'000 /
                                    static_cast<std::int64_t>(jack_get_sample_rate(g.client));
    const std::int64_t wall_ns = jack_ns + latency_ns + measure_jack_to_realtime_ns();
    const std::int64_t wall_us = (wall_ns + 500) / 1000;
    std::printf("onset frame=%llu wall=%lld.%06lld\n", static_cast<unsigned long long>(ev.frame),
                static_cast<long long>(wall_us / 1'000'000),
                static_cast<long long>(wall_us % 1'000'000));
    std::fflush(stdout);
}

// writer thread
std::size_t g_onsets_printed = 0;

void drain(SNDFILE *file) {
    const std::size_t onsets = g.onset_count.load(std::memory_order_acquire);
    for (; g_onsets_printed < onsets; ++g_onsets_printed)
        print_onset(g.onsets[g_onsets_printed]);
    const std::uint64_t released = g.audio_released.load(std::memory_order_relaxed);
    std::uint64_t available = g.audio_published.load(std::memory_order_acquire) - released;
    jack_ringbuffer_data_t vec[2];
    jack_ringbuffer_get_read_vector(g.audio, vec);
    std::uint64_t taken = 0;
    for (auto &v : vec) {
        const std::size_t len = static_cast<std::size_t>(std::min<std::uint64_t>(v.len, available));
        available -= len;
        const sf_count_t frames = static_cast<sf_count_t>(len / (kChannels * sizeof(float)));
        if (frames == 0)
            continue;
        const sf_count_t bytes = frames * kChannels * static_cast<sf_count_t>(sizeof(float));
        if (!g.write_failed.load()) {
            // The ring's bytes are floats written by memcpy; copy out to respect alignment.
            static float buf[8192 * kChannels];
            sf_count_t done = 0;
            while (done < frames) {
                const sf_count_t n = std::min<sf_count_t>(frames - done, 8192);
                std::memcpy(buf, v.buf + done * kChannels * sizeof(float),
                            static_cast<std::size_t>(n) * kChannels * sizeof(float));
                if (sf_writef_float(file, buf, n) != n) {
                    std::fprintf(stderr, "loa_jack_recorder: write failed: %s\n",
                                 sf_strerror(file));
                    g.write_failed.store(true);
                    break;
                }
                done += n;
            }
        }
        jack_ringbuffer_read_advance(g.audio, static_cast<std::size_t>(bytes));
        taken += static_cast<std::uint64_t>(bytes);
    }
    if (taken > 0)
        g.audio_released.store(released + taken, std::memory_order_release);
}

void writer(SNDFILE *file) {
    while (!g.stop_writer.load()) {
        drain(file);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    drain(file);
    drain(file); // the read vector may have wrapped
}

[[noreturn]] void usage(const char *msg) {
    if (msg)
        std::fprintf(stderr, "loa_jack_recorder: %s\n", msg);
    std::fprintf(
        stderr,
        "usage: loa_jack_recorder --out PATH [--name CLIENT] [--server NAME] [--latency FRAMES]\n");
    std::exit(2);
}

} // namespace

int main(int argc, char **argv) {
    std::string out, name = "rec", server;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                usage(("missing value after " + a).c_str());
            return argv[++i];
        };
        if (a == "--out")
            out = value();
        else if (a == "--name")
            name = value();
        else if (a == "--server")
            server = value();
        else if (a == "--latency") {
            const std::string text = value();
            char *end = nullptr;
            errno = 0;
            const unsigned long frames = std::strtoul(text.c_str(), &end, 10);
            if (text.empty() || text[0] == '-' || errno != 0 || *end != '\0' || frames > 1'000'000)
                usage(("bad --latency '" + text + "': a number of frames").c_str());
            g.latency = static_cast<jack_nframes_t>(frames);
        } else if (a == "-h" || a == "--help")
            usage(nullptr);
        else
            usage(("unknown argument " + a).c_str());
    }
    if (out.empty())
        usage("--out PATH is required");
    if (name.empty())
        usage("--name must not be empty");

    // Block the stop signals before JACK starts its threads, so they inherit the mask and
    // only the main thread (sigtimedwait) sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    jack_set_info_function(jack_info_sink);
    jack_set_error_function(jack_error_sink);

    g_quiet_errors.store(true);
    jack_status_t status{};
    auto options = static_cast<jack_options_t>(JackNoStartServer | JackUseExactName |
                                               (server.empty() ? 0 : JackServerName));
    g.client = server.empty() ? jack_client_open(name.c_str(), options, &status)
                              : jack_client_open(name.c_str(), options, &status, server.c_str());
    g_quiet_errors.store(false);
    if (!g.client) {
        const char *server_name =
            server.empty() ? std::getenv("JACK_DEFAULT_SERVER") : server.c_str();
        if (!server_name)
            server_name = "default";
        if (status & JackServerFailed)
            std::fprintf(stderr,
                         "loa_jack_recorder: cannot connect to JACK server '%s' (status 0x%x): is "
                         "jackd running?\n",
                         server_name, static_cast<unsigned>(status));
        else
            // With JackUseExactName, jack2 reports a taken name as a plain server error.
            std::fprintf(stderr,
                         "loa_jack_recorder: JACK server '%s' refused client '%s' (status 0x%x): "
                         "is a client of that name already running?\n",
                         server_name, name.c_str(), static_cast<unsigned>(status));
        return 1;
    }

    const jack_nframes_t rate = jack_get_sample_rate(g.client);
    g.onset_after = static_cast<std::uint64_t>(kOnsetSilenceSeconds * rate + 0.5);
    g.audio = jack_ringbuffer_create(static_cast<std::size_t>(kRingSeconds * rate) * kChannels *
                                     sizeof(float));
    if (g.audio)
        g.audio_capacity = g.audio->size - 1; // a jack_ringbuffer holds size - 1 bytes
    if (!g.audio) {
        std::fprintf(stderr, "loa_jack_recorder: cannot allocate the ring buffer\n");
        jack_client_close(g.client);
        return 1;
    }
    (void)jack_ringbuffer_mlock(g.audio); // best effort: RLIMIT_MEMLOCK may refuse, harmless

    SF_INFO info{};
    info.samplerate = static_cast<int>(rate);
    info.channels = kChannels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    SNDFILE *file = sf_open(out.c_str(), SFM_WRITE, &info);
    if (!file) {
        std::fprintf(stderr, "loa_jack_recorder: cannot write %s: %s\n", out.c_str(),
                     sf_strerror(nullptr));
        jack_client_close(g.client);
        return 1;
    }

    for (int c = 0; c < kChannels; ++c) {
        const std::string port = "in_" + std::to_string(c + 1);
        g.ports[c] =
            jack_port_register(g.client, port.c_str(), JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        if (!g.ports[c]) {
            std::fprintf(stderr, "loa_jack_recorder: cannot register port %s\n", port.c_str());
            sf_close(file);
            jack_client_close(g.client);
            return 1;
        }
    }
    if (g.latency > 0) {
        // Both ways a client can learn it: the latency range (PortAudio >= 19.7 and others)
        // and the old per-port total that PortAudio 19.6 reads with jack_port_get_latency().
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        for (auto *port : g.ports)
            jack_port_set_latency(port, g.latency);
#pragma GCC diagnostic pop
        jack_set_latency_callback(g.client, on_latency, nullptr);
    }
    jack_set_process_callback(g.client, on_process, nullptr);
    jack_on_shutdown(g.client, on_shutdown, nullptr);
    jack_on_info_shutdown(g.client, on_info_shutdown, nullptr);

    std::thread writer_thread(writer, file);
    if (jack_activate(g.client) != 0) {
        std::fprintf(stderr, "loa_jack_recorder: cannot activate the JACK client\n");
        g.stop_writer.store(true);
        writer_thread.join();
        sf_close(file);
        jack_client_close(g.client);
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    // Stop on a signal, when the server says it is going, or when no cycle has run for
    // kStallSeconds (jack2 does not always deliver the shutdown callback when the server
    // dies, and a stalled graph makes the recording worthless anyway).
    constexpr int kStallTicks = 20; // 100 ms ticks
    int exit_code = 0;
    std::uint64_t last_frames = g.frames.load();
    int still_ticks = 0;
    for (;;) {
        const timespec tick{0, 100'000'000};
        const int sig = sigtimedwait(&stop_signals, nullptr, &tick);
        if (sig > 0) {
            // Told to stop: was the graph still running up to now? (~19 cycles per 100 ms)
            const std::uint64_t at_signal = g.frames.load();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const bool stalled = g.frames.load() == at_signal;
            if (stalled || g.server_gone.load()) {
                g.server_gone.store(true);
                g_quiet_errors.store(true);
                std::fprintf(stderr, "loa_jack_recorder: %s\n",
                             stalled ? "no JACK cycle in the 100 ms after the stop signal: the "
                                       "server stalled or went away"
                                     : "the JACK server went away");
                exit_code = 1;
            }
            break;
        }
        const std::uint64_t now_frames = g.frames.load();
        still_ticks = now_frames == last_frames ? still_ticks + 1 : 0;
        last_frames = now_frames;
        if (g.server_gone.load() || still_ticks >= kStallTicks) {
            g.server_gone.store(true);
            g_quiet_errors.store(true); // what the library says while closing adds nothing
            std::fprintf(stderr, "loa_jack_recorder: %s\n",
                         still_ticks >= kStallTicks
                             ? "no JACK cycle for 2 s: the server stalled or went away"
                             : "the JACK server went away");
            exit_code = 1;
            break;
        }
    }

    if (!g.server_gone.load())
        jack_deactivate(g.client);
    g.stop_writer.store(true);
    writer_thread.join();
    const std::uint64_t dropped = g.dropped.load();
    const bool failed_write = g.write_failed.load();
    if (sf_close(file) != 0) {
        std::fprintf(stderr, "loa_jack_recorder: closing %s failed\n", out.c_str());
        if (exit_code == 0)
            exit_code = 3;
    }
    jack_client_close(g.client);
    jack_ringbuffer_free(g.audio);

    std::printf("stopped frames=%llu onsets=%llu dropped=%llu\n",
                static_cast<unsigned long long>(g.frames.load()),
                static_cast<unsigned long long>(g_onsets_printed),
                static_cast<unsigned long long>(dropped));
    std::fflush(stdout);
    if (dropped > 0 || failed_write || g.onsets_dropped.load() > 0) {
        std::fprintf(stderr,
                     "loa_jack_recorder: data lost: %llu frames dropped (ring full), %llu onsets "
                     "dropped%s\n",
                     static_cast<unsigned long long>(dropped),
                     static_cast<unsigned long long>(g.onsets_dropped.load()),
                     failed_write ? ", WAV write failed" : "");
        return 3;
    }
    return exit_code;
}
