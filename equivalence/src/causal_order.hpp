// Causal order of a run's events: the deterministic topological order of golden::graph's
// happens-before relation (program order per thread + every recorded edge, ties by seq;
// happens_before.hpp) to walk the trace in,
// and a *structural* happens-before (program order + spawn + reap edges only) used to
// decide whether two writes to one stream are ordered.
//
// Why structural: data and signal edges depend on timing (which read consumed which
// write), so a verdict built on them could flip between two runs of the same program.
// Spawn/reap edges are the program's structure (a shell waits for `ls` before `echo`).
#pragma once

#include <cstdint>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::eqv {

class CausalOrder {
 public:
  CausalOrder(const Trace& trace, Counters& counters);

  // Every event seq once, causes before effects.
  const std::vector<Seq>& order() const { return order_; }
  // Position of `seq` in order().
  std::size_t position(Seq seq) const { return position_[seq]; }

  // For each (a, b): whether a happens before b through program order, spawn and reap
  // edges. Answered offline, by propagating bitsets of the queried sources along the
  // order in batches: O((E + Q) * B/64) per batch of B sources, whatever the number of
  // threads (vector clocks would cost threads x edges, too much for 10k processes).
  // Only events where a bitset changes hands are visited (edge ends, queried events):
  // in between, a thread's bitset is simply carried along its program order.
  std::vector<bool> structurally_before(const std::vector<std::pair<Seq, Seq>>& queries) const;

 private:
  std::vector<Seq> order_;
  std::vector<std::size_t> position_;
  std::vector<std::uint32_t> thread_of_;  // dense thread index of each event
  std::uint32_t threads_ = 0;
  // Structural (spawn/reap) edges by target, as CSR: the sources of event t are
  // in_sources_[in_begin_[t] .. in_begin_[t + 1]).
  std::vector<std::uint32_t> in_begin_;
  std::vector<Seq> in_sources_;
  // Per event: its index among the structural edge sources (whose bitset is kept for
  // their targets), or -1.
  std::vector<std::int32_t> source_index_;
  std::size_t sources_ = 0;
  // Positions (in order()) of the events with structural edges in or out, ascending.
  std::vector<std::size_t> structural_positions_;
};

}  // namespace golden::eqv
