#include "engine/request_queue.hpp"

#include <algorithm>

namespace loa::engine {

void RequestQueue::insert_before_others(Request request) {
    const auto first_other =
        std::find_if(m_requests.begin(), m_requests.end(),
                     [](const Request &r) { return r.priority != Priority::emergency; });
    m_requests.insert(first_other, std::move(request));
}

void RequestQueue::add(Request request) {
    std::lock_guard lock(m_mutex);
    if (request.priority == Priority::emergency)
        insert_before_others(std::move(request));
    else
        m_requests.push_back(std::move(request));
}

void RequestQueue::put_back(Request request) {
    std::lock_guard lock(m_mutex);
    insert_before_others(std::move(request));
}

std::optional<Request> RequestQueue::take() {
    std::lock_guard lock(m_mutex);
    if (m_requests.empty())
        return std::nullopt;
    Request request = std::move(m_requests.front());
    m_requests.pop_front();
    return request;
}

bool RequestQueue::waiting() const {
    std::lock_guard lock(m_mutex);
    return !m_requests.empty();
}

bool RequestQueue::emergency_waiting() const {
    std::lock_guard lock(m_mutex);
    return !m_requests.empty() && m_requests.front().priority == Priority::emergency;
}

} // namespace loa::engine
