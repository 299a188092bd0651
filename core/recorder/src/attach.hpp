// Attach mode (-p PID): seize every thread of a running process.
#pragma once

#include <vector>

#include "golden/model/result.hpp"
#include "ptrace_api.hpp"

namespace golden::rec {

// Seizes and interrupts every thread in /proc/<pid>/task, re-reading the list until no
// new thread shows up (threads created meanwhile by a not-yet-seized thread).
// Error "cannot attach to process 123: No such process" (or EPERM...).
Result<std::vector<Tid>> seize_process(Pid pid, const TraceOptions& options);

// Undoes seize_process for a capture that is abandoned before it starts: waits for each
// thread's interrupt stop and detaches it (re-injecting a signal caught meanwhile).
void release_seized(const std::vector<Tid>& tids);

}  // namespace golden::rec
