#include "engine/request_queue.hpp"

#include <algorithm>

namespace loa::engine {

bool AskedPlay::claim() noexcept {
    State expected = State::waiting;
    return m_state.compare_exchange_strong(expected, State::claimed);
}

bool AskedPlay::withdraw() noexcept {
    State expected = State::waiting;
    return m_state.compare_exchange_strong(expected, State::withdrawn);
}

void RequestInbox::add(std::shared_ptr<AskedPlay> asked) {
    std::lock_guard lock(m_mutex);
    m_asked.push_back(std::move(asked));
}

std::shared_ptr<AskedPlay> RequestInbox::take() {
    std::lock_guard lock(m_mutex);
    if (m_asked.empty())
        return nullptr;
    auto asked = std::move(m_asked.front());
    m_asked.pop_front();
    return asked;
}

void RequestQueue::insert_before_others(Request request) {
    const auto first_other =
        std::find_if(m_requests.begin(), m_requests.end(),
                     [](const Request &r) { return r.priority != Priority::emergency; });
    m_requests.insert(first_other, std::move(request));
}

void RequestQueue::add(Request request) {
    if (request.priority == Priority::emergency)
        insert_before_others(std::move(request));
    else
        m_requests.push_back(std::move(request));
}

void RequestQueue::put_back(Request request) {
    insert_before_others(std::move(request));
}

std::optional<Request> RequestQueue::take() {
    if (m_requests.empty())
        return std::nullopt;
    Request request = std::move(m_requests.front());
    m_requests.pop_front();
    return request;
}

} // namespace loa::engine
