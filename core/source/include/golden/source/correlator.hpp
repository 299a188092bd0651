// Source correlation (SPEC §8, `golden capture --source`): which line of the traced
// program's own code made a syscall. At a syscall stop the recorder hands over the
// thread's registers; the Correlator unwinds its stack with libunwind (remote, over
// process_vm_readv and the images' own bytes) and resolves the frames with libdwarf.
//
// Everything costly is cached for the whole capture: one libunwind address space per
// process (flushed when it execs or unmaps code), one DWARF index per image (by
// build-id, built lazily), each resolved address. No ptrace, libunwind or libdwarf type
// appears here: the recorder stays free of them (docs/architecture.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "golden/model/ids.hpp"
#include "golden/model/trace.hpp"

namespace golden::source {

struct Options {
  // --source=N: also keep the first N frames of the stack (innermost first). 0: only
  // the user frame and its caller.
  unsigned frames = 0;
  // Directories searched for separate debug files like /usr/lib/debug (build-id and
  // debuglink), before $GOLDEN_DEBUG_DIRS and /usr/lib/debug itself.
  std::vector<std::string> debug_dirs;
};

// The x86-64 general registers of a stopped thread, in DWARF register order.
struct Registers {
  std::uint64_t rax = 0, rdx = 0, rcx = 0, rbx = 0, rsi = 0, rdi = 0, rbp = 0, rsp = 0;
  std::uint64_t r8 = 0, r9 = 0, r10 = 0, r11 = 0, r12 = 0, r13 = 0, r14 = 0, r15 = 0;
  std::uint64_t rip = 0;
};

class Correlator {
 public:
  explicit Correlator(Options options);
  ~Correlator();
  Correlator(const Correlator&) = delete;
  Correlator& operator=(const Correlator&) = delete;

  // Thread `tid` of process `pid` is stopped with `regs`: where did the code come from?
  // nullopt when no user frame was found (a call made by the dynamic loader, a stack
  // that cannot be unwound) and no frames were asked for.
  std::optional<SourceLocation> locate(Pid pid, Tid tid, const Registers& regs);

  // The process now runs another program: its address space starts over.
  void exec(Pid pid);
  // The process is gone (pids are reused).
  void exit(Pid pid);
  // [start, start+length) was unmapped (munmap, or mmap MAP_FIXED over it): when that
  // held code the process's maps are read again before its next unwind.
  void unmapped(Pid pid, std::uint64_t start, std::uint64_t length);
  // Code appeared (mmap or mprotect with PROT_EXEC): maps are read again.
  void code_mapped(Pid pid);

  // Counters for the run's record: source.no_user_frame (calls no user code made: the
  // dynamic loader's, exit after main returned...), source.unwind_failed. Taken (and
  // reset) by the recorder at the end of a run.
  Counters take_counters();
  // User (non-system) images that frames were found in without debug info, sorted:
  // what the capture's note lists.
  std::vector<std::string> images_without_debug_info() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace golden::source
