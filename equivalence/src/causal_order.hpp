// Causal order of a run's events, without Boost: a deterministic topological order
// (program order per thread + every recorded edge, ties by seq) to walk the trace in,
// and a *structural* happens-before (program order + spawn + reap edges only) used to
// decide whether two writes to one stream are ordered.
//
// Why structural: data and signal edges depend on timing (which read consumed which
// write), so a verdict built on them could flip between two runs of the same program.
// Spawn/reap edges are the program's structure (a shell waits for `ls` before `echo`).
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::eqv {

// Where an event sits causally: its thread, its position in that thread (1-based) and
// how far it knows every other thread (vector clock, shared until it changes).
struct CausalStamp {
  std::uint32_t thread = 0;
  std::uint32_t index = 0;
  std::shared_ptr<const std::vector<std::uint32_t>> known;
};

bool happens_before(const CausalStamp& a, const CausalStamp& b);

class CausalOrder {
 public:
  CausalOrder(const Trace& trace, Counters& counters);

  // Every event seq once, causes before effects.
  const std::vector<Seq>& order() const { return order_; }
  // Position of `seq` in order().
  std::size_t position(Seq seq) const { return position_[seq]; }

  // Advances the structural clock over `event`; call once per event, along order().
  CausalStamp advance(const Event& event);

 private:
  struct ThreadClock {
    std::uint32_t index = 0;
    std::shared_ptr<const std::vector<std::uint32_t>> known;
  };

  std::vector<Seq> order_;
  std::vector<std::size_t> position_;
  // Structural edges by target: (target, source), sorted by target.
  std::vector<std::pair<Seq, Seq>> in_edges_;
  std::vector<bool> is_source_;
  std::unordered_map<Seq, CausalStamp> source_stamps_;
  std::unordered_map<std::int32_t, std::uint32_t> thread_index_;
  std::vector<ThreadClock> threads_;
};

}  // namespace golden::eqv
