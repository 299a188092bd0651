// When each event was released by another thread (critical_path.hpp, "blocked time").
// A call that an incoming reap, data or signal edge unblocked — a wait4 reaping a
// child, a read consuming a write, a call interrupted by a signal — spent its time
// before that source ended waiting for it; that time belongs to the source's chain.
#pragma once

#include <cstdint>
#include <vector>

#include "golden/graph/causal_graph.hpp"

namespace golden {

inline constexpr std::int64_t kNoWake = INT64_MIN;

// Per event: the latest end among the kept sources of its reap/data/signal in-edges,
// and, for a call that failed with EINTR or ERESTART* and is followed in its thread by
// a signal delivery, among the sources of that delivery's in-edges. kNoWake if none.
// Spawn edges are not wake-ups: a new thread's first call is its own work.
std::vector<std::int64_t> wake_times(const CausalGraph& graph,
                                     const std::vector<std::uint8_t>& keep);

}  // namespace golden
