#include "waiter.hpp"

#include <sys/wait.h>

#include <cerrno>

namespace golden::rec {
namespace {

WaitOutcome wait_with(int flags) {
  int status = 0;
  const pid_t tid = ::waitpid(-1, &status, __WALL | flags);
  WaitOutcome out;
  if (tid < 0) {
    out.kind = errno == ECHILD ? WaitOutcomeKind::NoChildren : WaitOutcomeKind::Interrupted;
    return out;
  }
  if (tid == 0) {
    out.kind = WaitOutcomeKind::Interrupted;
    return out;
  }
  out.result = classify_wait_status(Tid{tid}, status);
  return out;
}

}  // namespace

WaitOutcome wait_next() { return wait_with(0); }
WaitOutcome wait_next_nohang() { return wait_with(WNOHANG); }

}  // namespace golden::rec
