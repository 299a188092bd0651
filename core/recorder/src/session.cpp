#include "session.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <ctime>

#include "golden/decode/decoder.hpp"
#include "golden/source/correlator.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "proc_files.hpp"
#include "stop_request.hpp"
#include "tracee_launch.hpp"
#include "waiter.hpp"

namespace golden::rec {

Session::Session(const CaptureOptions& options, TraceSink& sink, RunInfo run, Mode mode,
                 bool seccomp, std::int64_t start_ns, const CpuPin* pin, source::Correlator* source)
    : options_(options),
      sink_(sink),
      run_(std::move(run)),
      mode_(mode),
      seccomp_(seccomp),
      start_ns_(start_ns),
      pin_(pin),
      source_(source),
      emitter_(sink, run_.counters),
      channels_(run_.counters),
      // Under a seccomp filter the recorder does not see every fd-changing syscall.
      fds_(channels_, !seccomp) {}

Session::~Session() {
  if (exec_error_fd_ >= 0) ::close(exec_error_fd_);
}

Nanos Session::now() const {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return Nanos(static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec - start_ns_);
}

void Session::add_launched_root(Pid pid, const std::string& cwd, int exec_error_fd) {
  root_ = pid;
  exec_error_fd_ = exec_error_fd;
  Process& p = table_.add_process(pid, now());
  p.root = true;
  Thread& t = table_.add_thread(Tid{pid.value}, p);
  t.state = ThreadState::Starting;
  t.pinned = pin_ != nullptr;
  t.files = std::make_shared<FdTable>();
  t.files->seed_pending = true;
  t.fs = std::make_shared<FsState>();
  t.fs->cwd = cwd;
}

void Session::add_attached(Pid pid, const std::vector<Tid>& tids) {
  if (root_.value == 0) root_ = pid;
  Process& p = table_.add_process(pid, now());
  p.root = true;
  auto files = std::make_shared<FdTable>();
  files->seed_pending = true;
  auto fs = std::make_shared<FsState>();
  for (Tid tid : tids) {
    Thread& t = table_.add_thread(tid, p);
    // Seized and interrupted: the first stop is PTRACE_EVENT_STOP (or a group-stop).
    t.state = ThreadState::AwaitingFirstStop;
    t.files = files;
    t.fs = fs;
  }
  if (!tids.empty()) fds_.refresh_cwd(*table_.thread(tids.front()));
}

void Session::begin() {
  begin_run_once();
}

void Session::begin_run_once() {
  if (begun_) return;
  begun_ = true;
  sink_.begin_run(run_);
}

void Session::end_run() {
  channels_.flush_counters();
  if (source_)
    for (const auto& [name, n] : source_->take_counters()) run_.counters[name] += n;
  const Nanos end = now();
  run_.wall_time = end;
  if (mode_ == Mode::Launch && root_status_) run_.exit_status = *root_status_;
  if (mode_ == Mode::Attach) run_.exit_status = 0;
  sink_.end_run(run_);
}

HandlePtr Session::handle_for(Thread& t, InFlight& f) {
  if (!f.handle) {
    f.handle = std::make_shared<EventHandle>();
    f.handle->tid = t.tid;
    f.handle->clock = f.clock;
  }
  return f.handle;
}

Seq Session::emit(Thread& t, Event& event, LamportTime base, std::vector<Incoming> incoming,
                  const HandlePtr& self) {
  if (!begun_) {
    // Only start-up activity of a launch that then failed can get here.
    ++run_.counters["recorder.event_before_start"];
    return kNoEvent;
  }
  if (t.spawn_source) {
    incoming.push_back(Incoming{t.spawn_source, EdgeKind::Spawn});
    t.spawn_source.reset();
  }
  base = std::max(base, t.clock + 1);
  const Seq seq = emitter_.emit(event, base, incoming, self);
  t.clock = event.lamport;
  return seq;
}

Resume Session::resume_mode(const Thread& t) const {
  // Under the seccomp filter untraced syscalls must not stop at all: PTRACE_CONT, and
  // PTRACE_SYSCALL only between a traced call's seccomp stop and its exit stop.
  if (seccomp_ && !t.syscall) return Resume::Continue;
  return Resume::Syscall;
}

void Session::resume(Thread& t, int signal) {
  // ESRCH: the tracee was killed meanwhile; its death report follows.
  (void)rec::resume(t.tid, resume_mode(t), signal);
}

void Session::dispatch(const WaitResult& w) {
  const bool stopped = w.kind != StopKind::Exited && w.kind != StopKind::Killed;
  if (stopped) held_ = w.tid;
  dispatch_stop(w);
  held_.reset();
}

void Session::dispatch_stop(const WaitResult& w) {
  if (w.kind == StopKind::Exec) {
    on_exec_event(w.tid);
    return;
  }
  Thread* t = table_.thread(w.tid);
  if (!t) {
    handle_unknown(w);
    return;
  }
  switch (w.kind) {
    case StopKind::Exited:
    case StopKind::Killed:
      on_death(*t, w);
      return;
    case StopKind::SignalDelivery:
      on_signal_delivery(*t, w.signal);
      return;
    case StopKind::GroupStop:
      on_group_stop(*t, w.signal);
      return;
    case StopKind::TrapStop:
      on_trap_stop(*t);
      return;
    case StopKind::SyscallStop:
      on_syscall_stop(*t);
      break;
    case StopKind::Seccomp:
      on_seccomp_stop(*t);
      break;
    case StopKind::Fork:
    case StopKind::Vfork:
    case StopKind::Clone:
      on_clone_event(*t, w.kind);
      return;
    case StopKind::ExitEvent:
      on_exit_event(*t);
      break;
    case StopKind::VforkDone:
      break;
    case StopKind::Exec:
      break;  // handled above
    case StopKind::Other:
      ++run_.counters["recorder.unexpected_stop"];
      break;
  }
  if (Thread* still = table_.thread(w.tid)) resume(*still);
}

void Session::handle_unknown(const WaitResult& w) {
  switch (w.kind) {
    case StopKind::Exited:
    case StopKind::Killed:
      // Our own request_stop() wake-up child, or a tracee we never learnt about.
      detach_at_first_stop_.erase(w.tid.value);
      if (early_stops_.erase(w.tid.value) == 0 && !stop_requested())
        ++run_.counters["recorder.unknown_tid_exit"];
      return;
    default:
      if (detach_at_first_stop_.erase(w.tid.value)) {
        (void)detach(w.tid, 0);
        return;
      }
      // An auto-attached child can report its first stop before its creator's
      // fork/clone event: keep it stopped until the creator says who it is.
      early_stops_[w.tid.value] = w;
      return;
  }
}

Error Session::launch_failure() {
  const std::string& cmd = run_.command.front();
  int report[2] = {0, 0};
  if (exec_error_fd_ >= 0 &&
      ::read(exec_error_fd_, report, sizeof report) == static_cast<ssize_t>(sizeof report)) {
    if (report[0] == kLaunchStageSeccomp)
      return Error{
          "cannot install the seccomp filter for '" + cmd + "': " + std::strerror(report[1]), ""};
    if (report[0] == kLaunchStageChdir)
      return Error{"cannot run '" + cmd + "' in " + run_.cwd + ": " + std::strerror(report[1]), ""};
    if (report[0] == kLaunchStageStdio)
      return Error{"cannot give '" + cmd + "' its stdin/stdout/stderr: " + std::strerror(report[1]),
                   ""};
    return Error{"cannot execute '" + cmd + "': " + std::strerror(report[1]), ""};
  }
  // No report: something killed it before it could exec (e.g. SIGINT from the terminal).
  if (root_status_ && *root_status_ > 128)
    return Error{
        "'" + cmd + "' was killed by " + signal_name(*root_status_ - 128) + " before it started",
        ""};
  return Error{"'" + cmd + "' exited before it started", ""};
}

void Session::adopt_early_stops() {
  // Children whose creator died before reporting them (its fork event never came):
  // trace them as roots rather than leave them stopped.
  auto pending = std::move(early_stops_);
  early_stops_.clear();
  for (auto& [tid, w] : pending) {
    ++run_.counters["recorder.orphan_tracee"];
    Process& p = table_.add_process(Pid{tid}, now());
    Thread& t = table_.add_thread(Tid{tid}, p);
    t.state = ThreadState::AwaitingFirstStop;
    t.pinned = pin_ != nullptr;  // a descendant of the launched program
    t.files = std::make_shared<FdTable>();
    t.fs = std::make_shared<FsState>();
    fds_.refresh_cwd(t);
  }
  for (auto& [tid, w] : pending) dispatch(w);
}

SessionEnd Session::run() {
  set_capture_active(true);
  SessionEnd end;
  for (;;) {
    if (stop_requested()) {
      end = shutdown_on_request();
      break;
    }
    if (table_.thread_count() == 0) {
      if (early_stops_.empty()) {
        end = finish(false);
        break;
      }
      adopt_early_stops();
      continue;
    }
    const WaitOutcome w = wait_next();
    if (w.kind == WaitOutcomeKind::Interrupted) continue;
    if (w.kind == WaitOutcomeKind::NoChildren) {
      // The kernel says nothing is traced any more while we still track threads.
      run_.counters["recorder.lost_tracee"] += table_.thread_count();
      for (Tid tid : table_.all_tids()) {
        Thread* t = table_.thread(tid);
        finish_unfinished(*t);
      }
      end = finish(false);
      break;
    }
    dispatch(w.result);
    if (!begun_ && mode_ == Mode::Launch && table_.thread_count() == 0) {
      // The launched child died before its exec succeeded: report why, write nothing.
      set_capture_active(false);
      end.error = launch_failure();
      return end;
    }
  }
  set_capture_active(false);
  return end;
}

}  // namespace golden::rec
