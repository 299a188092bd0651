// Ending a run: normally (no tracee left) or on request_stop(). Attached processes are
// detached and left running; launched ones are killed once everything captured has
// reached the sink (the PTRACE_O_EXITKILL semantics, done explicitly).
#include <csignal>
#include <unordered_set>

#include "session.hpp"
#include "stop_request.hpp"
#include "waiter.hpp"

namespace golden::rec {

void Session::flush_live_state() {
  // In-flight calls first: that gives every creator handle its seq.
  for (Tid tid : table_.all_tids())
    if (Thread* t = table_.thread(tid)) finish_unfinished(*t);
  for (Pid pid : table_.all_pids()) {
    auto p = table_.take_process(pid);
    if (!p) continue;
    for (Tid tid : p->live)
      if (Thread* t = table_.thread(tid)) {
        if (!t->exiting) merge_usage(*p, tid);
        break;
      }
    p->info.end = now();
    for (Tid tid : std::vector<Tid>(p->live)) table_.remove_thread(tid);
    emit_process(std::move(p));
  }
}

SessionEnd Session::finish(bool interrupted) {
  if (table_.thread_count() > 0) flush_live_state();
  SessionEnd end;
  end.interrupted = interrupted;
  if (begun_) end_run();
  end.exit_status = mode_ == Mode::Attach ? 0 : root_status_.value_or(128 + SIGKILL);
  end.killed_by = mode_ == Mode::Attach || interrupted ? 0 : root_signal_;
  return end;
}

SessionEnd Session::shutdown_on_request() {
  if (mode_ == Mode::Attach) {
    run_.counters["recorder.detached_threads"] += table_.thread_count();
    detach_all();
    return finish(true);
  }
  // Launch mode: end the launched programs with SIGKILL (what PTRACE_O_EXITKILL would
  // do), and keep recording until each death is reported, so the trace says how they
  // ended and the run's exit status is the one golden exits with.
  std::unordered_set<std::int32_t> killed;
  auto kill_new = [&] {
    for (Tid tid : table_.all_tids())
      if (killed.insert(tid.value).second) ::kill(tid.value, SIGKILL);
    for (const auto& [tid, w] : early_stops_)
      if (killed.insert(tid).second) ::kill(tid, SIGKILL);
    for (std::int32_t tid : detach_at_first_stop_)
      if (killed.insert(tid).second) ::kill(tid, SIGKILL);
  };
  kill_new();
  while (table_.thread_count() > 0 || !early_stops_.empty() || !detach_at_first_stop_.empty()) {
    const WaitOutcome w = wait_next();
    if (w.kind == WaitOutcomeKind::NoChildren) {
      run_.counters["recorder.lost_tracee"] += table_.thread_count();
      break;
    }
    if (w.kind == WaitOutcomeKind::Interrupted) continue;
    dispatch(w.result);
    kill_new();  // children that were being created when the stop came
  }
  SessionEnd end = finish(true);
  if (!begun_) end.error = Error{"interrupted before the program started", ""};
  return end;
}

void Session::abandon() noexcept {
  set_capture_active(false);
  try {
    if (mode_ == Mode::Attach) {
      detach_all();
      return;
    }
    kill_all(table_.all_tids());
  } catch (...) {
    // Nothing more can be done; PTRACE_O_EXITKILL still covers launched tracees.
  }
}

void Session::kill_all(const std::vector<Tid>& known) {
  // Wait for every tracee we know of to die (not for ECHILD: the program embedding the
  // recorder may have children of its own). Tracees that appear meanwhile (a fork in
  // progress) are killed as they report.
  std::unordered_set<std::int32_t> alive;
  for (Tid tid : known) alive.insert(tid.value);
  for (Tid tid : table_.all_tids()) alive.insert(tid.value);
  for (const auto& [tid, w] : early_stops_) alive.insert(tid);
  for (std::int32_t tid : detach_at_first_stop_) alive.insert(tid);
  early_stops_.clear();
  detach_at_first_stop_.clear();
  for (std::int32_t tid : alive) ::kill(tid, SIGKILL);
  while (!alive.empty()) {
    const WaitOutcome w = wait_next();
    if (w.kind == WaitOutcomeKind::NoChildren) return;
    if (w.kind == WaitOutcomeKind::Interrupted) continue;
    const WaitResult& r = w.result;
    if (r.kind == StopKind::Exited || r.kind == StopKind::Killed) {
      alive.erase(r.tid.value);
      continue;
    }
    if (r.kind == StopKind::Fork || r.kind == StopKind::Vfork || r.kind == StopKind::Clone) {
      if (auto child = event_message(r.tid)) {
        alive.insert(static_cast<std::int32_t>(*child));
        ::kill(static_cast<pid_t>(*child), SIGKILL);
      }
    }
    alive.insert(r.tid.value);
    ::kill(r.tid.value, SIGKILL);
    // A stopped tracee dies from SIGKILL without being resumed; resuming it anyway
    // (ignoring errors) covers a stop that raced with the kill.
    (void)rec::resume(r.tid, Resume::Continue, 0);
  }
}

void Session::detach_all() {
  std::unordered_set<std::int32_t> pending;
  for (Tid tid : table_.all_tids()) {
    // A tracee already in a stop we consumed (abandon() after a handler threw) reports
    // nothing new: detach it at once. ESRCH means it was resumed after all.
    if (held_ && *held_ == tid && detach(tid, 0) == 0) continue;
    pending.insert(tid.value);
    (void)interrupt(tid);
  }
  held_.reset();
  // Already stopped (not yet claimed by a creator event): detach right away.
  for (const auto& [tid, w] : early_stops_) (void)detach(Tid{tid}, 0);
  early_stops_.clear();
  // --no-follow children still to report their first stop.
  for (std::int32_t tid : detach_at_first_stop_) pending.insert(tid);
  detach_at_first_stop_.clear();
  while (!pending.empty()) {
    const WaitOutcome w = wait_next();
    if (w.kind == WaitOutcomeKind::NoChildren) break;
    if (w.kind == WaitOutcomeKind::Interrupted) continue;
    const WaitResult& r = w.result;
    pending.erase(r.tid.value);
    switch (r.kind) {
      case StopKind::Exited:
      case StopKind::Killed: break;
      case StopKind::SignalDelivery:
        // The signal was about to be delivered: hand it over with the detach.
        (void)detach(r.tid, r.signal);
        break;
      case StopKind::Fork:
      case StopKind::Vfork:
      case StopKind::Clone:
        // The child is auto-attached and will report its initial stop: detach it too.
        if (auto child = event_message(r.tid)) pending.insert(static_cast<std::int32_t>(*child));
        (void)detach(r.tid, 0);
        break;
      default:
        // Syscall, event, trap or group stop (a group-stopped process stays stopped).
        (void)detach(r.tid, 0);
        break;
    }
  }
}

}  // namespace golden::rec
