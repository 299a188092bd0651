#include "stop_request.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "golden/recorder/recorder.hpp"

namespace golden::rec {
namespace {

std::atomic<bool> g_stop{false};
std::atomic<bool> g_active{false};

}  // namespace

bool stop_requested() noexcept { return g_stop.load(std::memory_order_acquire); }
void reset_stop_request() noexcept { g_stop.store(false, std::memory_order_release); }
void set_capture_active(bool active) noexcept {
  g_active.store(active, std::memory_order_release);
}

}  // namespace golden::rec

namespace golden {

// The tracer sleeps in waitpid(-1, __WALL), which a SA_RESTART handler would not
// interrupt, and a check of the flag just before waitpid() would race with the signal.
// So the wake-up is a status change waitpid() cannot miss: a child that exits at once.
// A raw clone(SIGCHLD) + exit_group is async-signal-safe (no atfork handlers, no locks);
// the tracer reaps the unknown pid and then sees the flag. It costs nothing per stop.
void request_stop() noexcept {
  rec::g_stop.store(true, std::memory_order_release);
  if (!rec::g_active.load(std::memory_order_acquire)) return;
  const int saved_errno = errno;
  long child = ::syscall(SYS_clone, SIGCHLD, 0L, 0L, 0L, 0L);
  if (child == 0) ::syscall(SYS_exit_group, 0);
  errno = saved_errno;
}

}  // namespace golden
