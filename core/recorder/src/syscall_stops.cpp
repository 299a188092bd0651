// Syscall entry and exit stops: the per-syscall hot path. One PTRACE_GET_SYSCALL_INFO
// per stop, bulk memory reads, no /proc (PERF-NOTES.md).
#include <sys/syscall.h>
#include <sys/wait.h>

#include <cstdio>

#include "data_flow.hpp"
#include "fd_effects.hpp"
#include "golden/decode/marker.hpp"
#include "golden/syscalls/syscall_table.hpp"
#include "rusage.hpp"
#include "session.hpp"
#include "tracee_memory.hpp"

namespace golden::rec {
namespace {

std::string unknown_name(std::uint32_t arch, int nr) {
  char buf[48];
  if (arch != kArchX86_64) {
    // A 32-bit (int $0x80) call from a 64-bit process: different numbering.
    std::snprintf(buf, sizeof buf, "syscall_i386_%d", nr);
  } else {
    std::snprintf(buf, sizeof buf, "syscall_%#x", static_cast<unsigned>(nr));
  }
  return buf;
}

// The signal a kill-family call sends, or 0.
int sent_signal(const SyscallRegs& r) {
  switch (r.nr) {
    case SYS_kill:
    case SYS_tkill:
    case SYS_rt_sigqueueinfo:
    case SYS_pidfd_send_signal: return static_cast<int>(r.args[1]);
    case SYS_tgkill:
    case SYS_rt_tgsigqueueinfo: return static_cast<int>(r.args[2]);
    default: return 0;
  }
}

bool is_exec(int nr) { return nr == SYS_execve || nr == SYS_execveat; }

// A marker the program got wrong still becomes an event; the counters say what was wrong.
void count_marker_anomalies(const MarkerDecode& d, Counters& counters) {
  if (!d.known_op) ++counters["recorder.marker_unknown_op"];
  if (!d.readable) ++counters["recorder.marker_unreadable"];
  if (d.truncated) ++counters["recorder.marker_truncated"];
}

}  // namespace

void Session::on_syscall_stop(Thread& t) {
  auto info = syscall_info(t.tid);
  if (!info) return;  // the tracee vanished; its death report follows
  if (t.state == ThreadState::Starting) return;
  switch (info->op) {
    case SyscallStopInfo::Op::Entry: on_entry(t, info->arch, info->regs, false); break;
    case SyscallStopInfo::Op::Exit: on_exit(t, info->rval); break;
    default: ++run_.counters["recorder.unexpected_stop"]; break;
  }
}

void Session::on_seccomp_stop(Thread& t) {
  // Start-up calls of the launched child between installing the filter and its
  // SIGSTOP are not part of the program.
  if (t.state == ThreadState::Starting) return;
  auto info = syscall_info(t.tid);
  if (!info || info->op != SyscallStopInfo::Op::Seccomp) {
    if (info) ++run_.counters["recorder.unexpected_stop"];
    return;
  }
  on_entry(t, info->arch, info->regs, true);
}

void Session::on_entry(Thread& t, std::uint32_t arch, const SyscallRegs& regs, bool via_seccomp) {
  if (t.syscall) {
    // Before Linux 4.8 the seccomp stop came before the syscall-entry stop of the same
    // call; since 4.8 PTRACE_SYSCALL after a seccomp stop goes straight to the exit.
    if (!via_seccomp && t.syscall->via_seccomp && t.syscall->nr == regs.nr) {
      t.syscall->via_seccomp = false;
      return;
    }
    ++run_.counters["recorder.unmatched_entry"];
    finish_unfinished(t);
  }
  fds_.seed_if_pending(t);
  InFlight f;
  f.nr = regs.nr;
  f.regs = regs;
  f.start = now();
  f.clock = t.clock + 1;
  f.via_seccomp = via_seccomp;
  f.native = arch == kArchX86_64;
  f.info = arch == kArchX86_64 ? syscall_by_nr(regs.nr) : nullptr;
  // The program's spans (SPEC §9), not a syscall: never filtered out, never counted as
  // an unknown number. The tracee's registers are left alone, so it gets the kernel's
  // -ENOSYS exactly as when it runs untraced.
  f.marker = arch == kArchX86_64 && regs.nr == kMarkerSyscall;
  // The seccomp filter stops the calls the filter traces, calls of other arches and
  // the affinity calls CPU pinning needs (not recorded); without a filter (attach
  // mode) the filter is applied here. Untraced calls only update the recorder's state.
  f.recorded = f.marker || options_.filter.traces_everything() ||
               (arch == kArchX86_64 ? options_.filter.traces(regs.nr) : via_seccomp);
  ProcessVmMemory mem(t.tid);
  if (f.recorded) {
    Event& e = f.event;
    e.kind = EventKind::Syscall;
    e.pid = t.process->pid;
    e.tid = t.tid;
    e.nr = regs.nr;
    e.start = f.start;
    if (f.marker) {
      count_marker_anomalies(decode_marker(regs, mem, e), run_.counters);
    } else if (f.info) {
      e.name = std::string(f.info->name);
      ThreadFdNames names(fds_, t);
      e.args = decode_entry(*f.info, regs, mem, names, options_.decode);
      annotate_fd_identity(fds_, t, e.args);
    } else {
      e.name = unknown_name(arch, regs.nr);
      e.args = decode_unknown(regs);
      ++run_.counters[arch == kArchX86_64 ? "recorder.unknown_syscall"
                                          : "recorder.compat_syscall"];
    }
  }
  // The launched program's first execve is made by golden's own child: no user code.
  if (source_ && f.recorded && f.native && never_returns(f.nr) &&
      !(mode_ == Mode::Launch && t.process->root && !root_exec_seen_))
    locate_source(t, f.event);
  if (arch == kArchX86_64 && !f.marker) {
    if (is_exec(f.nr)) {
      const std::uint64_t path_addr = f.nr == SYS_execve ? regs.args[0] : regs.args[1];
      f.exec_path =
          mem.read_string(RemoteAddr{path_addr}, options_.decode.path_max).value_or("");
      // Peak RSS of the image about to be replaced ("before exec").
      if (auto kb = read_peak_rss_kb(t.tid))
        t.process->info.peak_rss_kb = std::max(t.process->info.peak_rss_kb.value_or(0), *kb);
    }
    if (f.recorded) {
      if (int sig = sent_signal(regs); sig > 0) {
        f.sent_signal = sig;
        sends_.sent(t.process->pid, sig, handle_for(t, f));
      }
    }
    DataFlowContext ctx{fds_, t, mem, run_.counters};
    const bool recorded = f.recorded;
    data_flow_entry(ctx, f, [&]() -> HandlePtr { return recorded ? handle_for(t, f) : nullptr; });
  }
  t.syscall = std::move(f);
}

void Session::reap_edges(Thread& t, InFlight& f, std::int64_t rval,
                         std::vector<Incoming>& incoming) {
  HandlePtr from;
  if (f.nr == SYS_wait4 && rval > 0) {
    from = dead_.reaped(Pid{static_cast<std::int32_t>(rval)}, true);
  } else if (f.nr == SYS_waitid && rval == 0 && f.regs.args[2] != 0) {
    siginfo_t si{};
    ProcessVmMemory mem(t.tid);
    if (mem.read(RemoteAddr{f.regs.args[2]}, &si, sizeof si) == sizeof si && si.si_pid > 0 &&
        (si.si_code == CLD_EXITED || si.si_code == CLD_KILLED || si.si_code == CLD_DUMPED))
      from = dead_.reaped(Pid{si.si_pid}, (f.regs.args[3] & WNOWAIT) == 0);
  }
  if (from) incoming.push_back(Incoming{from, EdgeKind::Reap});
}

void Session::exit_effects(Thread& t, InFlight& f, std::int64_t rval,
                           std::vector<Incoming>& incoming) {
  ProcessVmMemory mem(t.tid);
  DataFlowContext data{fds_, t, mem, run_.counters};
  std::vector<HandlePtr> sources;
  data_flow_exit(data, f, rval, sources);
  for (auto& s : sources) incoming.push_back(Incoming{std::move(s), EdgeKind::Data});
  if (f.sent_signal && rval < 0) sends_.failed(t.process->pid, f.sent_signal, f.handle);
  reap_edges(t, f, rval, incoming);
  FdEffectContext fx{fds_, t, mem, options_.decode.path_max};
  apply_fd_release(fx, f.regs, rval);
}

void Session::on_exit(Thread& t, std::int64_t rval) {
  if (!t.syscall) {
    // Typical right after attaching to a thread blocked in a syscall.
    ++run_.counters["recorder.unmatched_exit"];
    return;
  }
  InFlight f = std::move(*t.syscall);
  t.syscall.reset();
  const Nanos end = now();
  ProcessVmMemory mem(t.tid);
  std::vector<Incoming> incoming;
  if (f.native && !f.marker) {
    FdEffectContext fx{fds_, t, mem, options_.decode.path_max};
    const std::vector<int> made =
        apply_fd_creation(fx, f.info, f.regs, rval, f.recorded ? &f.event.args : nullptr);
    // What the returned fds refer to, kept with the call (Event::ret_ofds).
    if (f.recorded)
      for (int fd : made) f.event.ret_ofds.push_back(fds_.ofd_of(t, fd));
    exit_effects(t, f, rval, incoming);
    if (pin_ && is_affinity_call(f.nr))
      affinity_exit(t, f, rval);
    if (source_) source_map_effects(t, f, rval);
  }
  if (!f.recorded) {
    if (f.exec) ++run_.counters["recorder.exec_without_event"];
    return;
  }
  Event& e = f.event;
  if (f.marker) {
    // A span event has no outcome: ret/err stay 0 (the tracee's -ENOSYS is no failure
    // of the program, and error budgets must not count it).
  } else if (f.info) {
    ThreadFdNames names(fds_, t);
    decode_exit(*f.info, f.regs, rval, mem, names, options_.decode, e);
  } else {
    decode_unknown_exit(rval, e);
  }
  e.finished = true;
  e.duration = end - f.start;
  if (source_ && !e.source) locate_source(t, e);
  const Seq seq = emit(t, e, f.clock, std::move(incoming), f.handle);
  if (f.exec) {
    f.exec->seq = seq;
    t.process->info.execs.push_back(std::move(*f.exec));
  }
}

void Session::affinity_exit(Thread& t, const InFlight& f, std::int64_t rval) {
  const auto pid = static_cast<std::int32_t>(f.regs.args[0]);
  Thread* target = pid == 0 ? &t : table_.thread(Tid{pid});
  if (!target) return;  // not one of ours: its CPU set is its own
  if (f.nr == SYS_sched_setaffinity) {
    if (rval == 0) target->pinned = false;  // the program's choice from now on
  } else if (target->pinned && !show_original_affinity(t.tid, f.regs.args[2], rval, *pin_)) {
    ++run_.counters["recorder.affinity_unhidden"];
  }
}

void Session::finish_unfinished(Thread& t) {
  if (!t.syscall) return;
  InFlight f = std::move(*t.syscall);
  t.syscall.reset();
  if (f.write) channels_.end_write(f.write, -1);
  if (!f.recorded) return;
  Event& e = f.event;
  e.finished = false;
  e.duration = now() - f.start;
  emit(t, e, f.clock, {}, f.handle);
}

}  // namespace golden::rec
