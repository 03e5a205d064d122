#include "playout/null_sink.hpp"

namespace loa::playout {

void NullSink::start(Renderer &renderer) {
    m_thread = std::make_unique<PacedThread>(renderer, m_clock, 1024,
                                             [](const float *, const Renderer::Span &) {});
}

} // namespace loa::playout
