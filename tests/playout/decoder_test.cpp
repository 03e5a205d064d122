#include "playout/decoder.hpp"

#include "audio_files.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <vector>

using loa::InputError;
using loa::playout::Decoder;
using namespace loa::playout::test;

TEST_CASE("Decoder streams a WAV file to the end as full-scale floats", "[decoder]") {
    TemporaryDirectory directory;
    const Pcm16 pcm = noise(22050, 1, 10000);
    write_wav(directory / "in.wav", pcm);

    Decoder decoder(directory / "in.wav");
    CHECK(decoder.rate() == 22050);
    CHECK(decoder.channels() == 1);
    std::vector<float> all;
    std::vector<float> block(3000);
    while (const std::size_t frames = decoder.read(block.data(), 3000))
        all.insert(all.end(), block.begin(), block.begin() + static_cast<long>(frames));
    CHECK(decoder.frames_read() == 10000);
    REQUIRE(all.size() == pcm.samples.size());
    bool exact = true;
    for (std::size_t i = 0; i < all.size(); ++i)
        exact = exact && all[i] == static_cast<float>(pcm.samples[i]) / 32768.0f;
    CHECK(exact);
    CHECK(decoder.read(block.data(), 3000) == 0);
}

TEST_CASE("Decoder refuses a file that is not audio, naming it", "[decoder]") {
    TemporaryDirectory directory;
    const auto path = directory / "notes.wav";
    std::ofstream(path) << "this is not a RIFF file at all, just text\n";
    CHECK_THROWS_AS(Decoder(path), InputError);
    CHECK_THROWS_WITH(Decoder(path), Catch::Contains(path.string()));
    CHECK_THROWS_WITH(Decoder(directory / "missing.flac"), Catch::Contains("missing.flac"));
}
