// Process and thread lifecycle: fork/vfork/clone events, exec (also from a non-leader
// thread), PTRACE_EVENT_EXIT and the final death reports.
#include <sched.h>
#include <sys/syscall.h>

#include <algorithm>
#include <cstdlib>

#include "golden/source/correlator.hpp"
#include "proc_files.hpp"
#include "rusage.hpp"
#include "session.hpp"
#include "tracee_memory.hpp"

namespace golden::rec {
namespace {

bool is_exec(int nr) { return nr == SYS_execve || nr == SYS_execveat; }

std::vector<std::string> split_cmdline(const std::string& raw) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t j = raw.find('\0', i);
    if (j == std::string::npos) j = raw.size();
    out.emplace_back(raw.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Tgid of `tid` from /proc, for a clone whose flags the recorder could not read.
std::optional<std::int32_t> tgid_of(Tid tid) {
  auto status = read_small_file(proc_path(tid, "status"), 8192);
  if (!status) return std::nullopt;
  const auto at = status->find("\nTgid:");
  if (at == std::string::npos) return std::nullopt;
  return static_cast<std::int32_t>(std::strtol(status->c_str() + at + 6, nullptr, 10));
}

}  // namespace

std::uint64_t Session::clone_flags(Thread& t, StopKind kind, Tid child) {
  std::optional<SyscallRegs> regs;
  if (t.syscall && t.syscall->native) regs = t.syscall->regs;
  if (!regs) regs = syscall_regs(t.tid);  // not traced under the filter: read the registers
  if (regs) {
    switch (regs->nr) {
      case SYS_clone: return regs->args[0];
      case SYS_clone3: {
        std::uint64_t flags = 0;  // struct clone_args starts with the u64 flags
        ProcessVmMemory mem(t.tid);
        if (mem.read(RemoteAddr{regs->args[0]}, &flags, sizeof flags) == sizeof flags)
          return flags;
        break;
      }
      case SYS_fork: return SIGCHLD;
      case SYS_vfork: return CLONE_VM | CLONE_VFORK | SIGCHLD;
      default: break;
    }
  }
  ++run_.counters["recorder.clone_flags_unknown"];
  if (kind == StopKind::Vfork) return CLONE_VM | CLONE_VFORK | SIGCHLD;
  if (kind == StopKind::Clone) {
    if (auto tgid = tgid_of(child); tgid && *tgid == t.process->pid.value)
      return CLONE_VM | CLONE_THREAD | CLONE_SIGHAND | CLONE_FILES | CLONE_FS;
  }
  return SIGCHLD;
}

void Session::on_clone_event(Thread& t, StopKind kind) {
  auto msg = event_message(t.tid);
  if (!msg || *msg == 0) {
    resume(t);
    return;
  }
  const Tid child{static_cast<std::int32_t>(*msg)};
  const std::uint64_t flags = clone_flags(t, kind, child);
  const bool thread = kind == StopKind::Clone && (flags & CLONE_THREAD);
  if (!thread && !options_.follow) {
    // --no-follow: PTRACE_O_TRACECLONE auto-attached a new process; let it go.
    resume(t);
    if (early_stops_.erase(child.value)) {
      (void)detach(child, 0);
    } else {
      detach_at_first_stop_.insert(child.value);
    }
    return;
  }
  // The fork/clone event is the Spawn edge's source: its clock is fixed now, before
  // the child can run (it starts in its initial trap stop).
  HandlePtr source;
  if (t.syscall && t.syscall->recorded) source = EventEmitter::reference(handle_for(t, *t.syscall));
  Thread* nt = nullptr;
  if (thread) {
    nt = &table_.add_thread(child, *t.process);
  } else {
    dead_.reused(Pid{child.value});
    Process& p = table_.add_process(Pid{child.value}, now());
    p.info.parent = (flags & CLONE_PARENT) ? t.process->info.parent : t.process->pid;
    p.creator = source;
    nt = &table_.add_thread(child, p);
  }
  nt->state = ThreadState::AwaitingFirstStop;
  nt->pinned = t.pinned;  // the CPU set is inherited
  // Without a recorded clone event (filtered out) there is no edge, but the child's
  // events still come after everything its creator did before.
  nt->clock = source ? source->clock : t.clock;
  nt->spawn_source = source;
  nt->files = (flags & CLONE_FILES) ? t.files : t.files->copy();
  nt->fs = (flags & CLONE_FS) ? t.fs : t.fs->copy();
  resume(t);
  auto early = early_stops_.find(child.value);
  if (early != early_stops_.end()) {
    const WaitResult w = early->second;
    early_stops_.erase(early);
    dispatch(w);
  }
}

void Session::on_exec_event(Tid reported) {
  // The stop is reported with the thread-group leader's tid; the thread that called
  // execve may have been another one (its old tid is the event message). The kernel
  // has already killed every other thread (de_thread); the leader's old thread object
  // never reports its death, so it ends here.
  const auto msg = event_message(reported);
  const Tid former = msg ? Tid{static_cast<std::int32_t>(*msg)} : reported;
  Thread* execer = table_.thread(former);
  if (!execer) execer = table_.thread(reported);
  if (!execer) {
    ++run_.counters["recorder.unknown_tid_exec"];
    (void)rec::resume(reported, seccomp_ ? Resume::Continue : Resume::Syscall, 0);
    return;
  }
  if (former != reported && execer->tid == former) {
    // As strace shows it: the leader's pending call never returns and the leader is
    // "superseded by execve in pid <former>"; the execve stays the calling thread's
    // event (tid = former), and what the new image does runs under the leader's tid.
    if (Thread* old_leader = table_.thread(reported)) {
      finish_unfinished(*old_leader);
      emit_superseded_event(*old_leader, former, nullptr);
      // The kernel ended the leader before the exec completes: the execve (and all the
      // new image does) comes after the leader's end in Lamport time. Both are one
      // process, so no edge: its clock follows the leader's.
      execer->clock = std::max(execer->clock, old_leader->clock);
      table_.remove_thread(reported);
    }
    table_.rename_thread(former, reported);
  }
  Thread& t = *table_.thread(reported);
  Process& p = *t.process;
  ExecRecord rec;
  const bool exec_in_flight = t.syscall && t.syscall->native && is_exec(t.syscall->nr);
  if (exec_in_flight && !t.syscall->exec_path.empty()) {
    rec.path = t.syscall->exec_path;
  } else {
    rec.path = read_link(proc_path(reported, "exe")).value_or("");
  }
  rec.argv = split_cmdline(read_small_file(proc_path(reported, "cmdline")).value_or(""));
  rec.cwd = fds_.cwd(t);
  if (source_) source_->exec(p.pid);  // a new image: its address space starts over
  // exec unshares the fd table and closes close-on-exec fds.
  t.files = t.files->copy();
  t.files->apply_exec();
  if (mode_ == Mode::Launch && p.root) {
    root_exec_seen_ = true;
    begin_run_once();  // the launched program runs: from here on the run exists
  }
  if (exec_in_flight) {
    t.syscall->exec = std::move(rec);
  } else {
    // execve filtered out (-e trace=): an ExecRecord must name its execve event, and
    // there is none. Counted so the loss is visible.
    ++run_.counters["recorder.exec_without_event"];
  }
  resume(t);
}

void Session::merge_usage(Process& p, Tid tid) {
  const ProcUsage u = read_proc_usage(tid);
  if (u.peak_rss_kb)
    p.info.peak_rss_kb = std::max(p.info.peak_rss_kb.value_or(0), *u.peak_rss_kb);
  // Group-wide and cumulative: the latest reading is the most complete.
  if (u.user_time) p.info.user_time = u.user_time;
  if (u.system_time) p.info.system_time = u.system_time;
}

void Session::on_exit_event(Thread& t) {
  // Last chance to read /proc for this thread: its mm and stats are still there.
  t.exiting = true;
  merge_usage(*t.process, t.tid);
  // exit/exit_group, or a call cut short by a fatal signal: it never returns.
  finish_unfinished(t);
}

Seq Session::emit_exit_event(Thread& t, const WaitResult* death, const HandlePtr& self) {
  Event e;
  e.kind = EventKind::Exit;
  e.pid = t.process->pid;
  e.tid = t.tid;
  e.name = "exit";
  e.start = now();
  if (death && death->kind == StopKind::Killed) {
    e.nr = death->signal;
    // Also on the event, not only the process record: a thread's exit line says
    // "(core dumped)" like strace's without the reader joining the two.
    if (death->core_dumped) {
      Arg core;
      core.name = "core_dumped";
      core.kind = ArgKind::Int;
      core.raw = 1;
      core.text = "1";
      e.args.push_back(std::move(core));
    }
  } else if (death) {
    e.ret = death->exit_code;
  }
  return emit(t, e, t.clock + 1, {}, self);
}

Seq Session::emit_superseded_event(Thread& t, Tid execer, const HandlePtr& self) {
  Event e;
  e.kind = EventKind::Exit;
  e.pid = t.process->pid;
  e.tid = t.tid;
  e.name = "exit";
  e.start = now();
  Arg by;
  by.name = "superseded_by";
  by.kind = ArgKind::Int;
  by.raw = execer.value;
  by.text = std::to_string(execer.value);
  e.args.push_back(std::move(by));
  return emit(t, e, t.clock + 1, {}, self);
}

void Session::on_death(Thread& t, const WaitResult& w) {
  // Killed in the middle of a fork/clone: the child may exist (and be stopped, waiting
  // for an event that will never come).
  const bool died_forking = t.syscall && t.syscall->native &&
                            (t.syscall->nr == SYS_clone || t.syscall->nr == SYS_clone3 ||
                             t.syscall->nr == SYS_fork || t.syscall->nr == SYS_vfork);
  finish_unfinished(t);
  Process* p = t.process;
  const bool leader = t.tid.value == p->pid.value;
  HandlePtr exit_handle;
  if (leader) {
    exit_handle = std::make_shared<EventHandle>();
    exit_handle->tid = t.tid;
  }
  emit_exit_event(t, &w, exit_handle);
  if (leader) {
    if (w.kind == StopKind::Killed) {
      p->info.exit_signal = w.signal;
      p->info.core_dumped = w.core_dumped;
    } else {
      p->info.exit_code = w.exit_code;
    }
  }
  table_.remove_thread(w.tid);
  if (leader || p->live.empty()) finish_process(table_.take_process(p->pid), exit_handle);
  if (died_forking && !early_stops_.empty()) adopt_early_stops();
}

void Session::finish_process(std::unique_ptr<Process> p, const HandlePtr& exit_event) {
  if (!p) return;
  if (source_) source_->exit(p->pid);
  p->info.end = now();
  if (exit_event && exit_event->seq) dead_.died(p->pid, exit_event);
  if (p->root && p->pid == root_) {
    if (auto status = shell_status(p->info)) root_status_ = *status;
    root_signal_ = p->info.exit_signal.value_or(0);
  }
  emit_process(std::move(p));
}

void Session::emit_process(std::unique_ptr<Process> p) {
  if (!begun_) return;
  if (p->creator && !p->creator->seq) {
    // A vfork child can end before its parent's vfork returns: created_by is the seq
    // of that call, so the record waits for it.
    emitter_.when_emitted(p->creator, [this, info = std::move(p->info)](Seq seq) mutable {
      info.created_by = seq;
      sink_.process(info);
    });
    return;
  }
  if (p->creator) p->info.created_by = *p->creator->seq;
  sink_.process(p->info);
}

}  // namespace golden::rec
