#pragma once
// Plays asked for on demand, waiting for the engine thread. Any thread may add; the
// engine thread takes. Emergencies wait before everything else, the rest in the order
// asked; a play put back (called off, or cut by an emergency) goes first among the rest.
#include "core/vocabulary.hpp"

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

namespace loa::engine {

struct Request {
    std::string announcement;
    Priority priority = Priority::normal;
    std::chrono::milliseconds start_offset{0}; ///< Resuming a preempted request.
    std::optional<std::int64_t> resumes;       ///< The play_id of the attempt it continues.
};

class RequestQueue {
public:
    /// Any thread: a new request.
    void add(Request request);
    /// Engine thread: a request that goes on before the other non-emergency ones.
    void put_back(Request request);
    /// Engine thread: the next request, if any.
    std::optional<Request> take();
    /// Any thread.
    bool waiting() const;
    bool emergency_waiting() const;

private:
    void insert_before_others(Request request); ///< With m_mutex held.

    mutable std::mutex m_mutex;
    std::deque<Request> m_requests; ///< Guarded by m_mutex.
};

} // namespace loa::engine
