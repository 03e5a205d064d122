#pragma once
// An output the engine thread stays with while it plays: the play itself runs on a
// thread of its own (the feeder, for the real player), and the engine thread waits
// at its own Wakeup meanwhile, so it still answers what reaches it (a request to look
// up in the library, an emergency to preempt with) within moments, however long the
// item. What the play asks of its caller, the before-first-sample step (which writes
// the play log's row), is handed back to the engine thread and run there, so the
// engine's database connection is used on the engine thread alone.
#include "core/wakeup.hpp"
#include "engine/output.hpp"

#include <functional>

namespace loa::engine {

class AttendedOutput final : public Output {
public:
    /// `door` is the calling thread's own Wakeup (every thread that hands it work
    /// notifies it); `attend` runs on the calling thread each time it wakes during a
    /// play. Both, and `inner`, must outlive this.
    AttendedOutput(Output &inner, Wakeup &door, std::function<void()> attend)
        : m_inner(inner), m_door(door), m_attend(std::move(attend)) {}

    std::string device_name() const override { return m_inner.device_name(); }
    /// As Output::play; `before_first_sample` (and whatever it throws) stays on the
    /// calling thread.
    playout::PlayResult play(const playout::PlayItem &item, std::chrono::milliseconds length,
                             TimePoint start_at, const std::function<void()> &before_first_sample,
                             std::optional<TimePoint> stop_at) override;
    void stop() noexcept override { m_inner.stop(); }

private:
    Output &m_inner;
    Wakeup &m_door;
    std::function<void()> m_attend;
};

} // namespace loa::engine
