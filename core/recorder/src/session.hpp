// One run of a capture: the tracer's event loop and the state it keeps about live
// tracees. The loop's pieces live in files named for the stops they handle:
// syscall_stops.cpp, lifecycle_stops.cpp (clone/exec/exit), signal_stops.cpp,
// session_shutdown.cpp (request_stop: detach or kill).
#pragma once

#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "channel_tracker.hpp"
#include "cpu_pin.hpp"
#include "fd_tracker.hpp"
#include "golden/recorder/recorder.hpp"
#include "lamport.hpp"
#include "process_table.hpp"
#include "ptrace_api.hpp"
#include "signal_tracking.hpp"
#include "wait_status.hpp"

namespace golden::source {
class Correlator;
}

namespace golden::rec {

// What emit() returns for an event it could not emit (the run has not started).
inline constexpr Seq kNoEvent = ~Seq{0};

struct SessionEnd {
  std::optional<Error> error;  // the run never started (launch failure); nothing was written
  int exit_status = 0;         // shell-style status of the root process
  int killed_by = 0;           // the signal that killed it (0: it exited)
  bool interrupted = false;
};

class Session {
 public:
  enum class Mode { Launch, Attach };

  // `pin`: launched tracees share this CPU with the recorder (cpu_pin.hpp); must outlive
  // the session.
  // `source`: --source's correlator, shared by the capture's runs (its caches outlive a
  // run); null without --source.
  Session(const CaptureOptions& options, TraceSink& sink, RunInfo run, Mode mode, bool seccomp,
          std::int64_t start_ns, const CpuPin* pin = nullptr,
          source::Correlator* source = nullptr);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Launch mode: `pid` was seized and released; it stops itself with SIGSTOP before
  // exec. `exec_error_fd` carries the child's errno when exec (or set-up) fails.
  void add_launched_root(Pid pid, const std::string& cwd, int exec_error_fd);
  // Attach mode: the threads of `pid`, seized and interrupted.
  void add_attached(Pid pid, const std::vector<Tid>& tids);
  // Attach mode: starts the run at once (launch mode starts at the root's first exec).
  void begin();

  SessionEnd run();
  // After an exception escaped run() (a sink that threw): let go of every tracee —
  // killed in launch mode, detached in attach mode — so none stays stopped.
  void abandon() noexcept;

  // Test hook: the run's counters so far.
  const Counters& counters() const { return run_.counters; }

 private:
  // --- session.cpp: loop and dispatch
  void dispatch(const WaitResult& w);
  void dispatch_stop(const WaitResult& w);
  void handle_unknown(const WaitResult& w);
  void resume(Thread& t, int signal = 0);
  Resume resume_mode(const Thread& t) const;
  Nanos now() const;
  Seq emit(Thread& t, Event& event, LamportTime base, std::vector<Incoming> incoming,
           const HandlePtr& self);
  HandlePtr handle_for(Thread& t, InFlight& f);
  void begin_run_once();
  void end_run();
  Error launch_failure();
  void adopt_early_stops();

  // --- syscall_stops.cpp
  void on_syscall_stop(Thread& t);
  void on_seccomp_stop(Thread& t);
  void on_entry(Thread& t, std::uint32_t arch, const SyscallRegs& regs, bool via_seccomp);
  void on_exit(Thread& t, std::int64_t rval);
  void finish_unfinished(Thread& t);
  void entry_effects(Thread& t, InFlight& f);
  void exit_effects(Thread& t, InFlight& f, std::int64_t rval, std::vector<Incoming>& incoming);
  void reap_edges(Thread& t, InFlight& f, std::int64_t rval, std::vector<Incoming>& incoming);
  void affinity_exit(Thread& t, const InFlight& f, std::int64_t rval);

  // --- source_stops.cpp (--source)
  void locate_source(Thread& t, Event& event);
  void source_map_effects(Thread& t, const InFlight& f, std::int64_t rval);
  static bool never_returns(int nr);

  // --- lifecycle_stops.cpp
  void on_clone_event(Thread& t, StopKind kind);
  std::uint64_t clone_flags(Thread& t, StopKind kind, Tid child);
  Seq emit_exit_event(Thread& t, const WaitResult* death, const HandlePtr& self);
  // The thread-group leader's end when another thread execs: "+++ superseded by execve
  // in pid <execer> +++".
  Seq emit_superseded_event(Thread& t, Tid execer, const HandlePtr& self);
  void on_exec_event(Tid reported);
  void on_exit_event(Thread& t);
  void on_death(Thread& t, const WaitResult& w);
  void finish_process(std::unique_ptr<Process> p, const HandlePtr& exit_event);
  void emit_process(std::unique_ptr<Process> p);
  void merge_usage(Process& p, Tid tid);

  // --- signal_stops.cpp
  void on_signal_delivery(Thread& t, int sig);
  void on_group_stop(Thread& t, int sig);
  void on_trap_stop(Thread& t);

  // --- session_shutdown.cpp
  SessionEnd shutdown_on_request();
  void flush_live_state();
  void kill_all(const std::vector<Tid>& known);
  void detach_all();
  SessionEnd finish(bool interrupted);

  const CaptureOptions& options_;
  TraceSink& sink_;
  RunInfo run_;
  Mode mode_;
  bool seccomp_;
  std::int64_t start_ns_;
  const CpuPin* pin_;
  source::Correlator* source_;

  EventEmitter emitter_;
  ProcessTable table_;
  ChannelTracker channels_;
  FdTracker fds_;
  SignalSends sends_;
  DeadProcesses dead_;
  // First stops of auto-attached children that arrived before their creator's event.
  std::unordered_map<std::int32_t, WaitResult> early_stops_;
  // --no-follow: processes made by clone() without CLONE_THREAD, let go at first stop.
  std::unordered_set<std::int32_t> detach_at_first_stop_;
  // The tracee whose stop dispatch() is handling: stopped, and no resume issued yet
  // (unless the handler got that far). Still set if a handler threw (see abandon()).
  std::optional<Tid> held_;

  bool begun_ = false;
  Pid root_;
  int exec_error_fd_ = -1;
  std::optional<int> root_status_;
  int root_signal_ = 0;  // the signal that killed the root process, 0 if none
  bool root_exec_seen_ = false;
};

}  // namespace golden::rec
