// Matching signal sends to their deliveries, and process exits to the wait and the
// SIGCHLD that report them (Signal and Reap edges). Both are bounded: old entries are
// evicted, never accumulated per event.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <unordered_map>

#include "golden/model/ids.hpp"
#include "lamport.hpp"

namespace golden::rec {

class SignalSends {
 public:
  // A kill-family call by process `sender` of `sig` entered the kernel.
  void sent(Pid sender, int sig, HandlePtr send);
  // It failed (ESRCH, EPERM...): nothing will be delivered.
  void failed(Pid sender, int sig, const HandlePtr& send);
  // A delivery of `sig` whose siginfo names `sender` (SI_USER, SI_TKILL, SI_QUEUE):
  // the oldest send not yet delivered, else the latest one (a kill(-pgid) reaches several).
  HandlePtr delivered(Pid sender, int sig);

 private:
  struct Pending {
    HandlePtr send;
    bool delivered = false;
  };
  static constexpr std::size_t kMaxPerKey = 64;
  static constexpr std::size_t kMaxKeys = 1024;
  std::map<std::pair<std::int32_t, int>, std::deque<Pending>> pending_;
  std::deque<std::pair<std::int32_t, int>> key_order_;
};

class DeadProcesses {
 public:
  // Process `pid` ended; `exit_event` is its leader's Exit event.
  void died(Pid pid, HandlePtr exit_event);
  // A new process got `pid`: the old entry is stale.
  void reused(Pid pid);
  // wait4/waitid returned `pid`; `consume` is false for WNOWAIT.
  HandlePtr reaped(Pid pid, bool consume);
  // A SIGCHLD (CLD_EXITED/KILLED/DUMPED) about `pid` was delivered.
  HandlePtr sigchld(Pid pid);

 private:
  struct Entry {
    HandlePtr exit_event;
    bool reaped = false;
    bool signalled = false;
    std::uint64_t generation = 0;
  };
  static constexpr std::size_t kMax = 4096;
  std::unordered_map<std::int32_t, Entry> entries_;
  std::deque<std::pair<std::int32_t, std::uint64_t>> order_;  // oldest first
  std::uint64_t generation_ = 0;
};

}  // namespace golden::rec
