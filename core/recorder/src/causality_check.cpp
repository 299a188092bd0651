#include "golden/recorder/causality_check.hpp"

#include <string>
#include <unordered_map>

namespace golden {
namespace {

Error violation(const std::string& where, const std::string& what) { return Error{what, where}; }

std::string ev(const Event& e) {
  return "event " + std::to_string(e.seq) + " (" + e.name + ", tid " +
         std::to_string(e.tid.value) + ", lamport " + std::to_string(e.lamport) + ")";
}

}  // namespace

Status check_causality(const Trace& trace) {
  const auto& events = trace.events;
  struct ThreadState {
    LamportTime last = 0;
    Seq last_seq = 0;
    Seq first_seq = 0;
  };
  std::unordered_map<std::int32_t, ThreadState> threads;
  std::unordered_map<Seq, bool> first_of_thread;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    const std::string where = "event " + std::to_string(i);
    if (e.seq != i) return violation(where, "seq is " + std::to_string(e.seq));
    if (e.lamport == 0) return violation(where, "no Lamport clock");
    auto [it, fresh] = threads.try_emplace(e.tid.value);
    ThreadState& t = it->second;
    if (fresh) {
      t.first_seq = e.seq;
      first_of_thread[e.seq] = true;
    } else if (e.lamport <= t.last) {
      return violation(where, ev(e) + " is not after " + ev(events[t.last_seq]) +
                                  " in program order");
    }
    t.last = e.lamport;
    t.last_seq = e.seq;
    if (e.kind == EventKind::Exit) threads.erase(e.tid.value);  // a reused tid is a new thread
  }
  for (std::size_t i = 0; i < trace.edges.size(); ++i) {
    const Edge& edge = trace.edges[i];
    const std::string where = "edge " + std::to_string(i);
    if (edge.from >= events.size() || edge.to >= events.size())
      return violation(where, "refers to a missing event");
    if (edge.from == edge.to) return violation(where, "is a self-loop");
    const Event& from = events[edge.from];
    const Event& to = events[edge.to];
    if (from.lamport >= to.lamport)
      return violation(where, std::string(to_string(edge.kind)) + " edge from " + ev(from) +
                                  " to " + ev(to) + " goes back in Lamport time");
    if (edge.kind == EdgeKind::Spawn && !first_of_thread.count(edge.to))
      return violation(where, "spawn edge to " + ev(to) + ", not the first event of its thread");
  }
  return Ok{};
}

}  // namespace golden
