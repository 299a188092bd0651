#include "lamport.hpp"

#include <algorithm>

namespace golden::rec {

Seq EventEmitter::emit(Event& event, LamportTime base, const std::vector<Incoming>& incoming,
                       const HandlePtr& self) {
  LamportTime clock = std::max<LamportTime>(base, 1);
  const bool fixed = self && self->referenced;
  if (fixed) clock = self->clock;
  std::vector<const Incoming*> kept;
  kept.reserve(incoming.size());
  for (const Incoming& in : incoming) {
    if (!in.from) continue;
    if (in.from.get() == self.get()) continue;
    // An edge inside one thread adds nothing to program order.
    if (in.from->tid == event.tid && in.from->seq) continue;
    if (in.from->clock >= clock) {
      if (fixed) {
        ++counters_["recorder.edge_dropped_clock_fixed"];
        continue;
      }
      clock = in.from->clock + 1;
    }
    kept.push_back(&in);
  }
  event.lamport = clock;
  event.seq = next_seq_++;
  sink_.event(event);
  for (const Incoming* in : kept) {
    if (in->from->seq) {
      sink_.edge(Edge{*in->from->seq, event.seq, in->kind});
    } else {
      in->from->waiting_edges.emplace_back(event.seq, in->kind);
    }
  }
  if (self) {
    self->clock = clock;
    self->seq = event.seq;
    for (const auto& [to, kind] : self->waiting_edges) sink_.edge(Edge{event.seq, to, kind});
    self->waiting_edges.clear();
    auto callbacks = std::move(self->on_emitted);
    self->on_emitted.clear();
    for (auto& fn : callbacks) fn(event.seq);
  }
  return event.seq;
}

void EventEmitter::when_emitted(const HandlePtr& handle, std::function<void(Seq)> fn) {
  if (handle->seq) {
    fn(*handle->seq);
    return;
  }
  handle->on_emitted.push_back(std::move(fn));
}

}  // namespace golden::rec
