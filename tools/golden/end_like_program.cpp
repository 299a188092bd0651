#include "end_like_program.hpp"

#include <signal.h>
#include <sys/resource.h>

#include <cstdio>

namespace golden::cli {

int end_like_program(int status, int killed_by) {
  if (killed_by <= 0 || killed_by >= NSIG || killed_by == SIGSTOP || killed_by == SIGTSTP ||
      killed_by == SIGTTIN || killed_by == SIGTTOU)
    return status;
  std::fflush(nullptr);
  const struct rlimit no_core {0, 0};
  (void)::setrlimit(RLIMIT_CORE, &no_core);
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  (void)::sigaction(killed_by, &default_action, nullptr);
  sigset_t just_this;
  sigemptyset(&just_this);
  sigaddset(&just_this, killed_by);
  (void)::sigprocmask(SIG_UNBLOCK, &just_this, nullptr);
  (void)::raise(killed_by);
  return status;
}

}  // namespace golden::cli
