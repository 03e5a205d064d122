// loa_wav_compare: is SOURCE, sample for sample, inside RECORDING?
//
//   loa_wav_compare SOURCE RECORDING [--tolerance X] [--fades] [--fit-gain]
//
// --fades: the source is first faded as the player fades every item: frame k of the first
// and of the last n = round(10 ms × rate) frames multiplied by (k+1)/(n+1) (the last
// frame by 1/(n+1)), in float, as the player does.
// --fit-gain: the (faded) source is then multiplied (in float) by the least-squares gain of the
// recording over it, printed as fitted_gain_db=<dB>: a player that applied a loudness
// gain the test cannot know to the last bit is checked for everything but that factor
// (the caller checks the factor against what it expected, to the precision it knows).
//
// Reads both files as float with libsndfile. The source is mapped to the recording's
// channels (mono: the same sample on every channel; equal counts: channel to channel; any
// other pair is a usage error). The first non-zero frame of the source is aligned with the
// first non-zero frame of the recording, then every sample of the source is compared with
// the recording (a recording that ends early counts as zeros there).
//
// stdout:
//   offset_frames=<n>        where in the recording the source's frame 0 begins
//   frames=<n> max_abs_diff=<x> mismatches=<n> bitexact=<yes|no>
//   gain=<g> residual_after_gain=<x> first_mismatch_frame=<n> missing_frames=<n>
//                            (diagnostics: least-squares gain of recording over source and
//                            the largest difference left after applying it, which tells a
//                            level change from damage; the source frame of the first
//                            sample beyond tolerance, -1 if none; source frames the
//                            recording does not cover)
// `mismatches` counts samples whose difference exceeds the tolerance; `bitexact` says
// whether every compared sample is identical.
// Exit: 0 if max_abs_diff <= tolerance (default 0: bit-exact); 1 otherwise, or if the
// recording is entirely silent; 2 on usage or I/O error.

#include <sndfile.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

namespace {

struct Audio {
    int rate = 0;
    int channels = 0;
    std::int64_t frames = 0;
    std::vector<float> samples; // interleaved
};

[[noreturn]] void fail_usage(const std::string &msg) {
    std::fprintf(stderr, "loa_wav_compare: %s\n", msg.c_str());
    std::fprintf(stderr, "usage: loa_wav_compare SOURCE RECORDING [--tolerance X]\n");
    std::exit(2);
}

Audio read_audio(const std::string &path) {
    SF_INFO info{};
    SNDFILE *f = sf_open(path.c_str(), SFM_READ, &info);
    if (!f) {
        std::fprintf(stderr, "loa_wav_compare: cannot read %s: %s\n", path.c_str(),
                     sf_strerror(nullptr));
        std::exit(2);
    }
    // Integer sources become floats scaled by 1/32768 (16-bit) etc., without clipping
    // adjustments, which is how a player reading through libsndfile sees them.
    Audio a;
    a.rate = info.samplerate;
    a.channels = info.channels;
    // Decode to the end rather than trusting the header's frame count.
    std::vector<float> chunk(static_cast<std::size_t>(65536) *
                             static_cast<std::size_t>(info.channels));
    for (;;) {
        const sf_count_t n = sf_readf_float(f, chunk.data(), 65536);
        if (n <= 0)
            break;
        a.samples.insert(a.samples.end(), chunk.begin(), chunk.begin() + n * info.channels);
        a.frames += n;
    }
    if (sf_error(f) != SF_ERR_NO_ERROR) {
        std::fprintf(stderr, "loa_wav_compare: error reading %s: %s\n", path.c_str(),
                     sf_strerror(f));
        sf_close(f);
        std::exit(2);
    }
    sf_close(f);
    return a;
}

/// The player's boundary fades (see the top of this file).
void apply_fades(Audio &a) {
    const auto n = static_cast<std::int64_t>(std::lround(0.010 * a.rate));
    const double steps = static_cast<double>(n + 1);
    for (std::int64_t frame = 0; frame < a.frames; ++frame) {
        const std::int64_t from_end = a.frames - frame;
        for (int c = 0; c < a.channels; ++c) {
            float &sample = a.samples[static_cast<std::size_t>(frame * a.channels + c)];
            if (frame < n)
                sample *= static_cast<float>(static_cast<double>(frame + 1) / steps);
            if (from_end <= n)
                sample *= static_cast<float>(static_cast<double>(from_end) / steps);
        }
    }
}

std::int64_t first_nonzero_frame(const Audio &a) {
    for (std::int64_t i = 0; i < a.frames; ++i)
        for (int c = 0; c < a.channels; ++c)
            if (a.samples[static_cast<std::size_t>(i * a.channels + c)] != 0.0f)
                return i;
    return -1;
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::string> positional;
    double tolerance = 0.0;
    bool fades = false;
    bool fit_gain = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--fades") {
            fades = true;
        } else if (a == "--fit-gain") {
            fit_gain = true;
        } else if (a == "--tolerance") {
            if (i + 1 >= argc)
                fail_usage("missing value after --tolerance");
            const char *text = argv[++i];
            char *end = nullptr;
            errno = 0;
            tolerance = std::strtod(text, &end);
            if (errno != 0 || end == text || *end != '\0' || !(tolerance >= 0.0))
                fail_usage(std::string("bad tolerance '") + text + "'");
        } else if (a == "-h" || a == "--help") {
            fail_usage("compares a source file against a recording");
        } else if (a.size() > 1 && a[0] == '-') {
            fail_usage("unknown option " + a);
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 2)
        fail_usage("need SOURCE and RECORDING");

    Audio src = read_audio(positional[0]);
    const Audio rec = read_audio(positional[1]);
    if (src.rate != rec.rate) {
        std::fprintf(stderr, "loa_wav_compare: rates differ: source %d Hz, recording %d Hz\n",
                     src.rate, rec.rate);
        return 2;
    }
    if (src.channels != 1 && src.channels != rec.channels) {
        std::fprintf(stderr,
                     "loa_wav_compare: cannot map %d source channels onto %d recorded channels\n",
                     src.channels, rec.channels);
        return 2;
    }
    const std::int64_t src_first = first_nonzero_frame(src);
    if (src_first < 0) {
        std::fprintf(stderr, "loa_wav_compare: the source %s is entirely silent\n",
                     positional[0].c_str());
        return 2;
    }
    const std::int64_t rec_first = first_nonzero_frame(rec);
    if (rec_first < 0) {
        std::printf("offset_frames=-1\nframes=0 max_abs_diff=inf mismatches=%lld bitexact=no\n",
                    static_cast<long long>(src.frames * rec.channels));
        std::fprintf(stderr, "loa_wav_compare: the recording %s is entirely silent (%lld frames)\n",
                     positional[1].c_str(), static_cast<long long>(rec.frames));
        return 1;
    }
    const std::int64_t offset = rec_first - src_first; // recording frame of source frame 0

    // Fades first, so that the fitted gain is the player's own (it applies them in the
    // other order: the two orders differ by float rounding, ~1e-7, within --tolerance).
    if (fades)
        apply_fades(src);
    if (fit_gain) {
        double sr = 0.0, ss = 0.0;
        for (std::int64_t i = 0; i < src.frames; ++i) {
            const std::int64_t r = offset + i;
            if (r < 0 || r >= rec.frames)
                continue;
            for (int c = 0; c < rec.channels; ++c) {
                const double s = src.channels == 1
                                     ? src.samples[static_cast<std::size_t>(i)]
                                     : src.samples[static_cast<std::size_t>(i * src.channels + c)];
                sr += s * rec.samples[static_cast<std::size_t>(r * rec.channels + c)];
                ss += s * s;
            }
        }
        const double fitted = ss > 0.0 ? sr / ss : 0.0;
        std::printf("fitted_gain_db=%.6f\n", fitted > 0.0 ? 20.0 * std::log10(fitted) : -999.0);
        const auto factor = static_cast<float>(fitted);
        for (float &sample : src.samples)
            sample *= factor;
    }

    double max_diff = 0.0;
    std::int64_t mismatches = 0, missing = 0, first_mismatch = -1;
    bool identical = true;
    double sum_sr = 0.0, sum_ss = 0.0; // least-squares gain: sum(s*r) / sum(s*s)
    for (std::int64_t i = 0; i < src.frames; ++i) {
        const std::int64_t r = offset + i;
        const bool covered = r >= 0 && r < rec.frames;
        if (!covered)
            ++missing;
        for (int c = 0; c < rec.channels; ++c) {
            const float s = src.channels == 1
                                ? src.samples[static_cast<std::size_t>(i)]
                                : src.samples[static_cast<std::size_t>(i * src.channels + c)];
            const float v =
                covered ? rec.samples[static_cast<std::size_t>(r * rec.channels + c)] : 0.0f;
            if (s != v)
                identical = false;
            double d = std::fabs(static_cast<double>(s) - static_cast<double>(v));
            if (std::isnan(d))
                d = std::numeric_limits<double>::infinity();
            if (d > max_diff)
                max_diff = d;
            if (d > tolerance) {
                ++mismatches;
                if (first_mismatch < 0)
                    first_mismatch = i;
            }
            sum_sr += static_cast<double>(s) * v;
            sum_ss += static_cast<double>(s) * s;
        }
    }
    const double gain = sum_ss > 0.0 ? sum_sr / sum_ss : 0.0;
    double residual = 0.0;
    for (std::int64_t i = 0; i < src.frames; ++i) {
        const std::int64_t r = offset + i;
        const bool covered = r >= 0 && r < rec.frames;
        for (int c = 0; c < rec.channels; ++c) {
            const float s = src.channels == 1
                                ? src.samples[static_cast<std::size_t>(i)]
                                : src.samples[static_cast<std::size_t>(i * src.channels + c)];
            const float v =
                covered ? rec.samples[static_cast<std::size_t>(r * rec.channels + c)] : 0.0f;
            const double d = std::fabs(gain * s - v);
            if (d > residual || std::isnan(d))
                residual = std::isnan(d) ? std::numeric_limits<double>::infinity() : d;
        }
    }

    std::printf("offset_frames=%lld\n", static_cast<long long>(offset));
    std::printf("frames=%lld max_abs_diff=%.9g mismatches=%lld bitexact=%s\n",
                static_cast<long long>(src.frames), max_diff, static_cast<long long>(mismatches),
                identical ? "yes" : "no");
    std::printf(
        "gain=%.9g residual_after_gain=%.9g first_mismatch_frame=%lld missing_frames=%lld\n", gain,
        residual, static_cast<long long>(first_mismatch), static_cast<long long>(missing));
    return max_diff <= tolerance ? 0 : 1;
}
