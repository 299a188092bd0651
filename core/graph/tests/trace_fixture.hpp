// Hand-built traces for the graph tests: times in microseconds, seqs assigned in the
// order events are added, Lamport clocks derived from the edges the test declares.
#pragma once

#include <cstdint>
#include <string>

#include "golden/model/trace.hpp"

namespace golden::testing {

inline constexpr Nanos us(std::int64_t v) {
  return Nanos(v * 1000);
}

class TraceMaker {
 public:
  // A process record; `name` becomes its exec (empty: a fork that never exec'd).
  TraceMaker& process(int pid, int parent, const std::string& name);
  // A syscall of thread `tid` of `pid` over [start, start + dur] microseconds.
  Seq call(int pid, int tid, const std::string& name, std::int64_t start_us, std::int64_t dur_us);
  Seq call(int pid, const std::string& name, std::int64_t start_us, std::int64_t dur_us) {
    return call(pid, pid, name, start_us, dur_us);
  }
  // The thread's Exit event (instantaneous).
  Seq exit(int pid, int tid, std::int64_t at_us);
  TraceMaker& edge(Seq from, Seq to, EdgeKind kind);

  // Lamport clocks 1 + max(predecessors) when `clocks` (else all 0, "unknown"), and
  // the run's wall time = the latest end.
  Trace build(bool clocks = true) const;
  Trace& raw() { return trace_; }

 private:
  Trace trace_;
};

}  // namespace golden::testing
