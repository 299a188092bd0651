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
    emit_process(std::move(p));
  }
}

SessionEnd Session::finish(bool interrupted) {
  if (table_.thread_count() > 0) flush_live_state();
  SessionEnd end;
  end.interrupted = interrupted;
  if (begun_) end_run();
  end.exit_status = mode_ == Mode::Attach ? 0 : root_status_.value_or(128 + SIGKILL);
  return end;
}

SessionEnd Session::shutdown_on_request() {
  if (mode_ == Mode::Attach) {
    run_.counters["recorder.detached_threads"] += table_.thread_count();
    detach_all();
    return finish(true);
  }
  const std::vector<Pid> pids = table_.all_pids();
  std::vector<Tid> tids = table_.all_tids();
  for (const auto& [tid, w] : early_stops_) tids.push_back(Tid{tid});
  SessionEnd end = finish(true);
  if (!end.error && !begun_) end.error = Error{"interrupted before the program started", ""};
  for (Pid pid : pids) ::kill(pid.value, SIGKILL);
  for (Tid tid : tids) ::kill(tid.value, SIGKILL);
  kill_all();
  return end;
}

void Session::kill_all() {
  // Drain until the kernel says no tracee (or child) is left. Tracees that appear now
  // (a fork in progress) are killed as they report.
  for (;;) {
    const WaitOutcome w = wait_next();
    if (w.kind == WaitOutcomeKind::NoChildren) return;
    if (w.kind == WaitOutcomeKind::Interrupted) continue;
    const WaitResult& r = w.result;
    if (r.kind == StopKind::Exited || r.kind == StopKind::Killed) continue;
    ::kill(r.tid.value, SIGKILL);
    // A stopped tracee dies from SIGKILL without being resumed; resuming it anyway
    // (ignoring errors) covers a stop that raced with the kill.
    (void)rec::resume(r.tid, Resume::Continue, 0);
  }
}

void Session::detach_all() {
  std::unordered_set<std::int32_t> pending;
  for (Tid tid : table_.all_tids()) {
    pending.insert(tid.value);
    (void)interrupt(tid);
  }
  // Already stopped (not yet claimed by a creator event): detach right away.
  for (const auto& [tid, w] : early_stops_) (void)detach(Tid{tid}, 0);
  early_stops_.clear();
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
