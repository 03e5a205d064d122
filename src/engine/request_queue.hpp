#pragma once
// Plays asked for on demand, on their way to the engine thread.
//
// Asked (RequestInbox): any thread hands in an id and a priority and gets a future
// for the answer; only the engine thread looks the id up (the engine's database
// connection is used on its thread alone), and it answers: accepted, or refused with
// the reason. An asker that stops waiting withdraws its request, so a request is
// either answered or never runs.
//
// Accepted (RequestQueue): waiting for their turn, engine thread only. Emergencies
// wait before everything else, the rest in the order asked; a play put back (called
// off, or cut by an emergency) goes first among the rest.
#include "core/vocabulary.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace loa::engine {

/// The engine thread's answer to a request.
struct RequestAnswer {
    bool accepted = false;
    bool on_air = false; ///< Something was playing when it was accepted.
    std::string message; ///< Why it was refused (one line for the operator).
};

/// One request on its way in: what was asked, and where its answer goes.
class AskedPlay {
public:
    AskedPlay(std::string announcement, Priority priority)
        : m_announcement(std::move(announcement)), m_priority(priority) {}

    const std::string &announcement() const noexcept { return m_announcement; }
    Priority priority() const noexcept { return m_priority; }
    std::future<RequestAnswer> future() { return m_answer.get_future(); }

    /// Engine thread: false when the asker has withdrawn it (it must not run).
    bool claim() noexcept;
    /// Engine thread, after claim().
    void answer(RequestAnswer answer) { m_answer.set_value(std::move(answer)); }
    /// The asker: true when the engine thread had not claimed it yet (it never runs).
    bool withdraw() noexcept;

private:
    enum class State { waiting, claimed, withdrawn };
    const std::string m_announcement;
    const Priority m_priority;
    std::promise<RequestAnswer> m_answer;
    std::atomic<State> m_state{State::waiting};
};

/// The requests waiting for the engine thread's answer.
class RequestInbox {
public:
    /// Any thread.
    void add(std::shared_ptr<AskedPlay> asked);
    /// Engine thread: the oldest request still to answer, if any.
    std::shared_ptr<AskedPlay> take();

private:
    std::mutex m_mutex;
    std::deque<std::shared_ptr<AskedPlay>> m_asked; ///< Guarded by m_mutex.
};

/// An accepted request, waiting for its turn.
struct Request {
    std::string announcement;
    Priority priority = Priority::normal;
    std::chrono::milliseconds start_offset{0}; ///< Resuming a preempted request.
    std::optional<std::int64_t> resumes;       ///< The play_id of the attempt it continues.
};

/// Engine thread only.
class RequestQueue {
public:
    /// A request just accepted.
    void add(Request request);
    /// A request that goes on before the other non-emergency ones.
    void put_back(Request request);
    /// The next request, if any.
    std::optional<Request> take();
    bool waiting() const { return !m_requests.empty(); }
    bool emergency_waiting() const {
        return !m_requests.empty() && m_requests.front().priority == Priority::emergency;
    }

private:
    void insert_before_others(Request request);

    std::deque<Request> m_requests;
};

} // namespace loa::engine
