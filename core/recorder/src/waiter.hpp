// Waiting for the next tracee stop.
#pragma once

#include "wait_status.hpp"

namespace golden::rec {

enum class WaitOutcomeKind { Stop, NoChildren, Interrupted };

struct WaitOutcome {
  WaitOutcomeKind kind = WaitOutcomeKind::Stop;
  WaitResult result;
};

// Blocks in waitpid(-1, __WALL) for any tracee (or child). Returns Interrupted when
// waitpid fails with EINTR, NoChildren on ECHILD.
WaitOutcome wait_next();
// Non-blocking variant for shutdown loops: Interrupted when nothing is ready.
WaitOutcome wait_next_nohang();

}  // namespace golden::rec
