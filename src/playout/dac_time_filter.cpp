#include "playout/dac_time_filter.hpp"

#include <algorithm>

namespace loa::playout {

double DacTimeFilter::filter(double reported, double period) noexcept {
    double dac_time = reported;
    if (m_have_prediction) {
        const double excess = reported - m_predicted;
        if (excess > 0.0 && excess < k_restart_seconds) {
            // Each callback of a run moved the prediction by its slew, so a step that
            // persisted shows as (at least) the smallest excess of the run.
            if (excess >= k_step_seconds) {
                m_least_late = m_late_callbacks == 0 ? excess : std::min(m_least_late, excess);
                ++m_late_callbacks;
            } else {
                m_late_callbacks = 0;
            }
            if (m_late_callbacks >= k_step_callbacks) {
                dac_time = m_predicted + m_least_late;
                m_late_callbacks = 0;
            } else {
                dac_time = m_predicted + std::min(excess, period * k_slew);
            }
        } else {
            m_late_callbacks = 0;
        }
    }
    m_predicted = dac_time + period;
    m_have_prediction = true;
    return dac_time;
}

} // namespace loa::playout
