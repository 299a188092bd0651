// Lamport clocks and happens-before edges (SPEC §3 "Lamport ordering").
//
// Events get their seq when they complete, but a few are *sources* of edges before
// they complete: a write whose bytes a reader consumes before the writer's exit stop
// is processed, a kill delivered first, a fork whose child runs first. Such an event
// gets an EventHandle at entry: its clock is fixed then (thread clock + 1) and edges
// to it wait in the handle until its seq is known.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::rec {

struct EventHandle {
  Tid tid;                      // the thread the event belongs to
  LamportTime clock = 0;        // fixed once `referenced`
  std::optional<Seq> seq;       // set when the event is emitted
  bool referenced = false;      // used as an edge source: its clock may no longer change
  // Edges (to, kind) waiting for this event's seq, and other work waiting for it.
  std::vector<std::pair<Seq, EdgeKind>> waiting_edges;
  std::vector<std::function<void(Seq)>> on_emitted;
};
using HandlePtr = std::shared_ptr<EventHandle>;

// An incoming edge of an event being emitted.
struct Incoming {
  HandlePtr from;
  EdgeKind kind = EdgeKind::Spawn;
};

// Assigns seqs and clocks, and streams events and edges to the sink in an order the
// sink accepts (an edge only after both its events).
class EventEmitter {
 public:
  EventEmitter(TraceSink& sink, Counters& counters) : sink_(sink), counters_(counters) {}

  // Emits `event`. `base` is the lowest clock it may get (its thread's clock + 1, or the
  // clock fixed at entry); incoming edges raise it above their sources. When `self` was
  // already referenced its clock cannot move: an incoming edge that would need it to is
  // dropped and counted (it would make the clocks inconsistent). Returns the seq.
  Seq emit(Event& event, LamportTime base, const std::vector<Incoming>& incoming,
           const HandlePtr& self);

  // Marks `handle` as an edge source and returns it (for code that records it).
  static HandlePtr reference(const HandlePtr& handle) {
    if (handle) handle->referenced = true;
    return handle;
  }

  // Runs `fn(seq)` once `handle`'s event is emitted (at once when it already was).
  void when_emitted(const HandlePtr& handle, std::function<void(Seq)> fn);

  Seq next_seq() const { return next_seq_; }
  TraceSink& sink() { return sink_; }

 private:
  TraceSink& sink_;
  Counters& counters_;
  Seq next_seq_ = 0;
};

}  // namespace golden::rec
