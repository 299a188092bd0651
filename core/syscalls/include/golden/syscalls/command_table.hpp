// The commands of multiplexed syscalls (prctl's options, ptrace's requests, seccomp's
// operations, bpf's commands, the SysV *ctl commands), as data: for each command, the
// arguments after it that strace shows and how each is decoded, and how the return
// value reads. A syscall's Command argument names its table (ArgSpec::xlat).
#pragma once

#include <array>
#include <cstdint>

#include "golden/syscalls/syscall_table.hpp"

namespace golden {

struct CommandSpec {
  std::uint64_t value = 0;
  std::uint8_t nargs = 0;           // arguments shown after the command
  std::array<ArgSpec, 4> args{};    // ArgSpec::reg: the register each one is read from
  RetStyle ret_style = RetStyle::Value;
  XlatId ret_xlat = XlatId::None;
  bool returns_fd = false;          // bpf's BPF_MAP_CREATE, BPF_PROG_LOAD...
};

// The row of `value` in the commands of `table` (a Command argument's xlat); nullptr
// when the command has none (then the syscall's remaining arguments are shown as the
// syscall table says: in hex for prctl).
const CommandSpec* command_spec(XlatId table, std::uint64_t value);

}  // namespace golden
