// Command rows for prctl, ptrace, seccomp, bpf and the SysV *ctl calls (command_table.hpp),
// after strace 6.1's decoders (prctl.c, ptrace.c, seccomp.c, bpf.c, ipc_*.c). Values come
// from the kernel's uapi headers.
#include "golden/syscalls/command_table.hpp"

#include <linux/bpf.h>
#include <linux/ipc.h>
#include <linux/prctl.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>

#include <algorithm>
#include <initializer_list>
#include <span>

namespace golden {
namespace {

using T = ArgType;
using X = XlatId;
using R = RetStyle;

// SysV *ctl commands not exported by <linux/ipc.h> (they live in msg.h, sem.h, shm.h).
constexpr std::uint64_t kMsgStat = 11, kMsgInfo = 12, kMsgStatAny = 13;
constexpr std::uint64_t kSemGetPid = 11, kSemGetVal = 12, kSemGetAll = 13, kSemGetNcnt = 14,
                        kSemGetZcnt = 15, kSemSetVal = 16, kSemSetAll = 17, kSemStat = 18,
                        kSemInfo = 19, kSemStatAny = 20;
constexpr std::uint64_t kShmLock = 11, kShmUnlock = 12, kShmStat = 13, kShmInfo = 14,
                        kShmStatAny = 15;

constexpr ArgSpec arg(std::string_view name, ArgType type, int reg, int width = 8,
                      XlatId xlat = XlatId::None) {
  ArgSpec s{name, type, -1, static_cast<std::uint8_t>(width)};
  s.xlat = xlat;
  s.reg = static_cast<std::int8_t>(reg);
  return s;
}

constexpr CommandSpec row(std::uint64_t value, std::initializer_list<ArgSpec> args,
                          RetStyle style = RetStyle::Value, XlatId ret_xlat = XlatId::None) {
  CommandSpec c{};
  c.value = value;
  c.nargs = static_cast<std::uint8_t>(args.size());
  std::size_t i = 0;
  for (const ArgSpec& a : args) c.args.at(i++) = a;
  c.ret_style = style;
  c.ret_xlat = ret_xlat;
  return c;
}
constexpr CommandSpec fd_row(CommandSpec c) {
  c.returns_fd = true;
  return c;
}

// prctl(option, arg2..arg5): registers 1..4.
constexpr ArgSpec hex_from(int reg) {
  constexpr std::string_view kNames[] = {"option", "arg2", "arg3", "arg4", "arg5"};
  return arg(kNames[reg], T::Hex, reg);
}

// clang-format off
constexpr CommandSpec kPrctl[] = {
  row(PR_SET_PDEATHSIG, {arg("arg2", T::XEnum, 1, 8, X::Signals)}),
  row(PR_GET_PDEATHSIG, {arg("arg2", T::IntOut, 1, 4, X::Signals)}),
  row(PR_GET_DUMPABLE, {}, R::XEnumNote, X::PrDumpable),
  row(PR_SET_DUMPABLE, {arg("arg2", T::XEnum, 1, 8, X::PrDumpable)}),
  row(PR_GET_KEEPCAPS, {}),
  row(PR_SET_KEEPCAPS, {arg("arg2", T::UInt, 1)}),
  row(PR_GET_FPEMU, {arg("arg2", T::IntOut, 1, 4)}),
  row(PR_SET_FPEMU, {arg("arg2", T::UInt, 1)}),
  row(PR_GET_FPEXC, {arg("arg2", T::IntOut, 1, 4)}),
  row(PR_SET_FPEXC, {arg("arg2", T::UInt, 1)}),
  row(PR_GET_TIMING, {}),
  row(PR_SET_TIMING, {arg("arg2", T::UInt, 1)}),
  row(PR_SET_NAME, {arg("arg2", T::String, 1)}),
  row(PR_GET_NAME, {arg("arg2", T::StringOut, 1)}),
  row(PR_GET_ENDIAN, {arg("arg2", T::IntOut, 1, 4)}),
  row(PR_SET_ENDIAN, {arg("arg2", T::UInt, 1)}),
  row(PR_GET_SECCOMP, {}),
  row(PR_CAPBSET_READ, {arg("arg2", T::XEnum, 1, 8, X::Capabilities)}),
  row(PR_CAPBSET_DROP, {arg("arg2", T::XEnum, 1, 8, X::Capabilities)}),
  row(PR_GET_SECUREBITS, {}, R::XFlagsNote, X::Secbits),
  row(PR_SET_SECUREBITS, {arg("arg2", T::XFlags, 1, 8, X::Secbits)}),
  row(PR_SET_TIMERSLACK, {arg("arg2", T::Int, 1)}),
  row(PR_GET_TIMERSLACK, {}),
  row(PR_TASK_PERF_EVENTS_DISABLE, {}),
  row(PR_TASK_PERF_EVENTS_ENABLE, {}),
  row(PR_SET_CHILD_SUBREAPER, {arg("arg2", T::UInt, 1)}),
  row(PR_GET_CHILD_SUBREAPER, {arg("arg2", T::IntOut, 1, 4)}),
  row(PR_SET_NO_NEW_PRIVS, {arg("arg2", T::UInt, 1), hex_from(2), hex_from(3), hex_from(4)}),
  row(PR_SET_THP_DISABLE, {arg("arg2", T::UInt, 1), hex_from(2), hex_from(3), hex_from(4)}),
  row(PR_SET_IO_FLUSHER, {arg("arg2", T::UInt, 1), hex_from(2), hex_from(3), hex_from(4)}),
};

// ptrace(request, pid, addr, data): requests not listed show pid, addr and data as addresses.
constexpr ArgSpec kPid = arg("pid", T::Pid, 1, 4);
constexpr ArgSpec kAddr = arg("addr", T::Ptr, 2);
constexpr ArgSpec kData = arg("data", T::Ptr, 3);
constexpr CommandSpec kPtrace[] = {
  row(PTRACE_TRACEME, {}),
  row(PTRACE_PEEKTEXT, {kPid, kAddr, arg("data", T::PtrOut, 3)}),
  row(PTRACE_PEEKDATA, {kPid, kAddr, arg("data", T::PtrOut, 3)}),
  row(PTRACE_PEEKUSR, {kPid, arg("addr", T::XEnum, 2, 8, X::PtraceUserOffsets), arg("data", T::PtrOut, 3)}),
  row(PTRACE_POKEUSR, {kPid, arg("addr", T::XEnum, 2, 8, X::PtraceUserOffsets), kData}),
  row(PTRACE_CONT, {kPid, kAddr, arg("data", T::XEnum, 3, 8, X::Signals)}),
  row(PTRACE_KILL, {kPid}),
  row(PTRACE_SINGLESTEP, {kPid, kAddr, arg("data", T::XEnum, 3, 8, X::Signals)}),
  row(PTRACE_ATTACH, {kPid}),
  row(PTRACE_DETACH, {kPid, kAddr, arg("data", T::XEnum, 3, 8, X::Signals)}),
  row(PTRACE_SYSCALL, {kPid, kAddr, arg("data", T::XEnum, 3, 8, X::Signals)}),
  row(PTRACE_SETOPTIONS, {kPid, kAddr, arg("data", T::XFlags, 3, 8, X::PtraceOptions)}),
  row(PTRACE_SEIZE, {kPid, kAddr, arg("data", T::XFlags, 3, 8, X::PtraceOptions)}),
  row(PTRACE_INTERRUPT, {kPid}),
  row(PTRACE_LISTEN, {kPid}),
};

// seccomp(operation, flags, args).
constexpr CommandSpec kSeccomp[] = {
  row(SECCOMP_SET_MODE_STRICT, {arg("flags", T::Hex, 1, 4), arg("args", T::Ptr, 2)}),
  row(SECCOMP_SET_MODE_FILTER, {arg("flags", T::XFlags, 1, 4, X::SeccompFilterFlags), arg("args", T::SockFprog, 2)}),
  row(SECCOMP_GET_ACTION_AVAIL, {arg("flags", T::Hex, 1, 4), arg("args", T::IntIn, 2, 4, X::SeccompRetActions)}),
  row(SECCOMP_GET_NOTIF_SIZES, {arg("flags", T::Hex, 1, 4), arg("args", T::SeccompNotifSizesOut, 2)}),
};

// bpf(cmd, attr, size): the commands that return a new fd.
constexpr ArgSpec kBpfAttr = arg("attr", T::Ptr, 1);
constexpr ArgSpec kBpfSize = arg("size", T::UInt, 2, 4);
constexpr CommandSpec kBpf[] = {
  fd_row(row(BPF_MAP_CREATE, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_PROG_LOAD, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_OBJ_GET, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_PROG_GET_FD_BY_ID, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_MAP_GET_FD_BY_ID, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_BTF_LOAD, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_BTF_GET_FD_BY_ID, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_RAW_TRACEPOINT_OPEN, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_LINK_CREATE, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_LINK_GET_FD_BY_ID, {kBpfAttr, kBpfSize})),
  fd_row(row(BPF_ITER_CREATE, {kBpfAttr, kBpfSize})),
};

// msgctl(msqid, cmd, buf), shmctl(shmid, cmd, buf), semctl(semid, semnum, cmd, arg): the
// buffer's meaning (IpcCtlBuf) is decided from the command by the decoder; rows here only
// say which commands take no buffer (strace shows it as NULL or not at all).
constexpr CommandSpec kMsgctl[] = {
  row(IPC_RMID, {arg("buf", T::Ptr, 2)}),
  row(IPC_SET, {arg("buf", T::IpcCtlBuf, 2)}),
  row(IPC_STAT, {arg("buf", T::IpcCtlBuf, 2)}),
  row(IPC_INFO, {arg("buf", T::Ptr, 2)}),
  row(kMsgStat, {arg("buf", T::IpcCtlBuf, 2)}),
  row(kMsgInfo, {arg("buf", T::Ptr, 2)}),
  row(kMsgStatAny, {arg("buf", T::IpcCtlBuf, 2)}),
};
constexpr CommandSpec kShmctl[] = {
  row(IPC_RMID, {arg("buf", T::Ptr, 2)}),
  row(IPC_SET, {arg("buf", T::IpcCtlBuf, 2)}),
  row(IPC_STAT, {arg("buf", T::IpcCtlBuf, 2)}),
  row(IPC_INFO, {arg("buf", T::Ptr, 2)}),
  row(kShmLock, {arg("buf", T::Ptr, 2)}),
  row(kShmUnlock, {arg("buf", T::Ptr, 2)}),
  row(kShmStat, {arg("buf", T::IpcCtlBuf, 2)}),
  row(kShmInfo, {arg("buf", T::Ptr, 2)}),
  row(kShmStatAny, {arg("buf", T::IpcCtlBuf, 2)}),
};
constexpr ArgSpec kSemArgPtr = arg("arg", T::Ptr, 3);
constexpr CommandSpec kSemctl[] = {
  row(IPC_RMID, {kSemArgPtr}),
  row(IPC_SET, {arg("arg", T::IpcCtlBuf, 3)}),
  row(IPC_STAT, {arg("arg", T::IpcCtlBuf, 3)}),
  row(IPC_INFO, {kSemArgPtr}),
  row(kSemGetPid, {kSemArgPtr}),
  row(kSemGetVal, {kSemArgPtr}),
  row(kSemGetAll, {kSemArgPtr}),
  row(kSemGetNcnt, {kSemArgPtr}),
  row(kSemGetZcnt, {kSemArgPtr}),
  row(kSemSetVal, {arg("arg", T::Hex, 3)}),
  row(kSemSetAll, {kSemArgPtr}),
  row(kSemStat, {arg("arg", T::IpcCtlBuf, 3)}),
  row(kSemInfo, {kSemArgPtr}),
  row(kSemStatAny, {arg("arg", T::IpcCtlBuf, 3)}),
};
// clang-format on

const CommandSpec* find_row(std::span<const CommandSpec> rows, std::uint64_t value) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const CommandSpec& c) { return c.value == value; });
  return it == rows.end() ? nullptr : &*it;
}

}  // namespace

const CommandSpec* command_spec(XlatId table, std::uint64_t value) {
  switch (table) {
    case XlatId::PrctlOptions: return find_row(kPrctl, value);
    case XlatId::PtraceRequests: return find_row(kPtrace, value);
    case XlatId::SeccompOps: return find_row(kSeccomp, value);
    case XlatId::BpfCommands: return find_row(kBpf, value);
    // The SysV commands may carry IPC_64 (0x100); the row is the command's.
    case XlatId::MsgctlCmds: return find_row(kMsgctl, value & ~std::uint64_t{0x100});
    case XlatId::ShmctlCmds: return find_row(kShmctl, value & ~std::uint64_t{0x100});
    case XlatId::SemctlCmds: return find_row(kSemctl, value & ~std::uint64_t{0x100});
    default: return nullptr;
  }
}

}  // namespace golden
