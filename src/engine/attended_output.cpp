#include "engine/attended_output.hpp"

#include <exception>
#include <mutex>
#include <thread>

namespace loa::engine {
namespace {

/// What the play's thread and the calling thread tell each other.
struct Handover {
    std::mutex mutex;
    bool step_asked = false; ///< The play waits for before_first_sample to run.
    bool step_done = false;
    bool finished = false; ///< The play has returned (or thrown).
    std::exception_ptr step_error, play_error;
    Wakeup play_door; ///< The play's thread waits here for its step.
};

/// On the play's thread: has the calling thread run the step, and rethrows what it threw.
void run_step_on_caller(Handover &handover, Wakeup &caller) {
    {
        std::lock_guard lock(handover.mutex);
        handover.step_asked = true;
    }
    caller.notify();
    for (;;) {
        {
            std::lock_guard lock(handover.mutex);
            if (handover.step_done) {
                if (handover.step_error)
                    std::rethrow_exception(handover.step_error);
                return;
            }
        }
        handover.play_door.wait();
    }
}

} // namespace

playout::PlayResult AttendedOutput::play(const playout::PlayItem &item,
                                         std::chrono::milliseconds length, TimePoint start_at,
                                         const std::function<void()> &before_first_sample,
                                         std::optional<TimePoint> stop_at) {
    Handover handover;
    playout::PlayResult result;
    std::thread player([&] {
        try {
            result = m_inner.play(
                item, length, start_at, [&] { run_step_on_caller(handover, m_door); }, stop_at);
        } catch (...) {
            std::lock_guard lock(handover.mutex);
            handover.play_error = std::current_exception();
        }
        {
            std::lock_guard lock(handover.mutex);
            handover.finished = true;
        }
        m_door.notify();
    });
    for (bool finished = false; !finished;) {
        m_door.wait();
        if (m_attend)
            m_attend();
        bool run_step = false;
        {
            std::lock_guard lock(handover.mutex);
            run_step = handover.step_asked && !handover.step_done;
            finished = handover.finished;
        }
        if (!run_step)
            continue;
        std::exception_ptr error;
        try {
            before_first_sample();
        } catch (...) {
            error = std::current_exception();
        }
        {
            std::lock_guard lock(handover.mutex);
            handover.step_error = error;
            handover.step_done = true;
        }
        handover.play_door.notify();
    }
    player.join();
    if (handover.play_error)
        std::rethrow_exception(handover.play_error);
    return result;
}

} // namespace loa::engine
