// SIGINT/SIGTERM during `golden capture`: stop the trace (golden::request_stop), let
// the capture return normally and write everything recorded so far (SPEC §3).
#pragma once

#include <csignal>

namespace golden::cli {

// Installs the handlers for its lifetime and restores the previous ones afterwards.
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// True once SIGINT or SIGTERM arrived while StopSignals was installed.
bool stop_requested();
// The signal that asked to stop (0 if none).
int stop_signal();

}  // namespace golden::cli
