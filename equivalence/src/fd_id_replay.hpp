// The trace the causal walk reads: events numbered densely and fd identities present.
// Traces recorded before the recorder wrote fd identities (RunInfo::fd_ids false: old
// goldens, hand-built test traces) get them here, once, on a copy, by replaying what
// dup/close/fork do to fd tables — the only place comparison still does so.
#pragma once

#include <memory>

#include "golden/equivalence/compare_config.hpp"
#include "golden/model/trace.hpp"

namespace golden::eqv {

struct WalkInput {
  const Trace* trace = nullptr;  // the original, or `copy`
  std::unique_ptr<Trace> copy;
  bool renumbered = false;  // seqs were not dense: renumbered, edges dropped
};

WalkInput walk_input(const Trace& trace, const CompareConfig& config);

// COMPAT (traces without RunInfo::fd_ids): fills Arg::ofd and Event::ret_ofds the way
// the recorder does — the root's fds 0, 1, 2 are ofd 1, 2, 3; open, pipe, socket,
// accept and other fd-returning calls make new numbers; dup*, fcntl(F_DUPFD) and fork
// copy them; close and close_range forget them. Exposed for tests.
void replay_fd_ids(Trace& trace, const CompareConfig& config);

}  // namespace golden::eqv
