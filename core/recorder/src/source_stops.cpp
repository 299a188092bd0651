// --source (SPEC §8): the source location of each recorded syscall, and the mapping
// changes that make the correlator read a process's maps again. Locations are taken at
// the exit stop, after the call's end time, so that unwinding never counts in a call's
// duration; calls that may never return (exit, exec) are located at entry, while the
// calling image is still there.
#include <sys/mman.h>
#include <sys/syscall.h>

#include "golden/source/correlator.hpp"
#include "ptrace_api.hpp"
#include "session.hpp"

namespace golden::rec {

bool Session::never_returns(int nr) {
  return nr == SYS_exit || nr == SYS_exit_group || nr == SYS_execve || nr == SYS_execveat;
}

void Session::locate_source(Thread& t, Event& event) {
  source::Registers regs;
  if (!general_registers(t.tid, regs)) return;  // the tracee vanished
  event.source = source_->locate(t.process->pid, t.tid, regs);
}

void Session::source_map_effects(Thread& t, const InFlight& f, std::int64_t rval) {
  if (rval < 0 && rval > -4096) return;  // failed: nothing changed
  const Pid pid = t.process->pid;
  const auto& a = f.regs.args;
  switch (f.nr) {
    case SYS_munmap:
      source_->unmapped(pid, a[0], a[1]);
      break;
    case SYS_mremap:
      source_->unmapped(pid, a[0], a[1]);
      break;
    case SYS_mmap:
      // MAP_FIXED replaces whatever was there (ld.so maps a library's segments so).
      if ((a[3] & MAP_FIXED) != 0) source_->unmapped(pid, a[0], a[1]);
      if ((a[2] & PROT_EXEC) != 0) source_->code_mapped(pid);
      break;
    case SYS_mprotect:
    case SYS_pkey_mprotect:
      if ((a[2] & PROT_EXEC) != 0) source_->code_mapped(pid);
      break;
    default:
      break;
  }
}

}  // namespace golden::rec
