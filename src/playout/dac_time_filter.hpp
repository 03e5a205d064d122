#pragma once
// What the sound card's clock says each buffer leaves the device, cleaned of late stamps.

namespace loa::playout {

/// Turns the DAC times the callbacks report into the ones the render step places samples
/// by. Consecutive buffers leave the device exactly one buffer apart. A callback that
/// runs late (a busy machine, a non-real-time JACK) is stamped late by PortAudio (its
/// JACK host API reads jack_frame_time() in the callback, not at the cycle's start);
/// believed, it would place a first sample early by the delay. So:
/// - an earlier time than predicted, or a jump of 20 ms or more (a restart), is taken
///   as it is;
/// - a later one is believed slowly, by 1000 ppm of a buffer per callback (more than
///   any card drifts against the system clock), so one late stamp moves nothing;
/// - but when every one of k_step_callbacks consecutive callbacks is at least 1 ms
///   late, the device's clock really stepped (an xrun, a driver held up by the host) and
///   the smallest of their lateness is taken at once. Without this, the first samples
///   of the next items were placed late by what the slow slew had not yet caught up
///   (10.5, 6.8, 3.9, 0.9 ms on plays 3 s apart, measured on the JACK dummy driver).
/// Owned by the callback thread: no locks, no allocation.
class DacTimeFilter {
public:
    static constexpr int k_step_callbacks = 8;
    static constexpr double k_step_seconds = 0.001;
    static constexpr double k_restart_seconds = 0.020;
    static constexpr double k_slew = 1e-3; ///< of a buffer, per callback

    /// The DAC time to use for a buffer reported at `reported` that lasts `period` s.
    double filter(double reported, double period) noexcept;

private:
    double m_predicted = 0.0; ///< the next buffer's DAC time
    bool m_have_prediction = false;
    int m_late_callbacks = 0;  ///< consecutive callbacks at least k_step_seconds late
    double m_least_late = 0.0; ///< their smallest lateness
};

} // namespace loa::playout
