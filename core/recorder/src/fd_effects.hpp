// How syscalls change a process's fd table and working directory (the recorder's own
// knowledge, independent of how the decoders render arguments).
#pragma once

#include <cstdint>
#include <vector>

#include "fd_tracker.hpp"
#include "golden/decode/decoder.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden::rec {

struct FdEffectContext {
  FdTracker& fds;
  Thread& thread;
  TraceeMemory& mem;
  std::size_t path_max;
};

// At a successful exit, before decode_exit: fds the call created get their entries, so
// ret_ref and later describe() calls need no /proc look-up. `decoded` are the entry
// arguments when the call is recorded (their paths are reused), else null. Returns the
// fds the call returned (its result; a pipe's or socketpair's two), for Event::ret_ofds.
std::vector<int> apply_fd_creation(FdEffectContext& ctx, const SyscallInfo* info,
                                   const SyscallRegs& regs, std::int64_t rval,
                                   const std::vector<Arg>* decoded);

// At exit, after decode_exit (so the decoded close(fd) still names the fd): closes,
// close-on-exec changes, chdir, unshare.
void apply_fd_release(FdEffectContext& ctx, const SyscallRegs& regs, std::int64_t rval);

}  // namespace golden::rec
