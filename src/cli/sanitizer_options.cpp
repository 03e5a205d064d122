// Defaults for the sanitizer runtimes, linked only into sanitizer builds (of `loa`
// and of the tests). They silence reports from code outside loa.
//
// ALSA's plugins, which libasound dlopens when PortAudio starts, allocate in their
// constructors and never free; by exit they are unloaded, so only the slow unwinder
// can see the libasound frames that the suppression names.
extern "C" const char *__asan_default_options() {
    return "fast_unwind_on_malloc=0";
}
extern "C" const char *__lsan_default_options() {
    return "print_suppressions=0";
}
extern "C" const char *__lsan_default_suppressions() {
    return "leak:libasound.so\n";
}

// ALSA's PulseAudio plugin (probed by Pa_Initialize where libasound2-plugins is
// installed) runs libpulse's own threads and atomics, which ThreadSanitizer cannot see.
// ALSA's JACK plugin drains each stream's wake-up pipe into one static byte, from each
// stream's thread: after a lost device the Player keeps the abandoned stream (see
// Sink::abandon) while the reopened one runs, and both write that byte, never read.
extern "C" const char *__tsan_default_suppressions() {
    return "race:libpulse\n"
           "race:libasound_module_pcm_jack.so\n";
}
