// Turning a syscall's raw registers into decoded arguments, strace-style.
// Pure functions over two small interfaces, so they are unit-tested without ptrace:
// TraceeMemory (read the tracee's memory) and FdNames (what an fd refers to).
#pragma once

#include <signal.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "golden/model/trace.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {

// An address in the tracee's address space (never dereferenced by the tracer).
struct RemoteAddr {
  std::uint64_t value = 0;
  bool null() const { return value == 0; }
};

class TraceeMemory {
 public:
  virtual ~TraceeMemory() = default;
  // Reads up to `size` bytes at `addr`; returns how many were read (0 on a bad address).
  virtual std::size_t read(RemoteAddr addr, void* out, std::size_t size) = 0;
  // Reads a NUL-terminated string of at most `max` bytes; nullopt on a bad address.
  // `truncated` is set when no NUL was found within `max` bytes.
  virtual std::optional<std::string> read_string(RemoteAddr addr, std::size_t max,
                                                 bool* truncated = nullptr);
};

class FdNames {
 public:
  virtual ~FdNames() = default;
  // What `fd` refers to in the calling process: "/etc/passwd", "pipe:[1234]",
  // "socket:[TCP 127.0.0.1:40000->127.0.0.1:8080]", "/dev/pts/0"; "" if unknown.
  virtual std::string describe(int fd) = 0;
  // The calling process's working directory (to resolve relative paths), "" if unknown.
  virtual std::string cwd() = 0;
  // The protocol of `fd` when it is a socket of address family `family` (AF_NETLINK:
  // NETLINK_ROUTE is 0), -1 when it is not or nobody knows: netlink messages in its
  // buffers are then decoded.
  virtual int socket_protocol(int fd, int family) {
    (void)fd;
    (void)family;
    return -1;
  }
};

struct SyscallRegs {
  int nr = -1;
  std::array<std::uint64_t, 6> args{};
  std::uint64_t sp = 0;  // the stack pointer at entry (rt_sigreturn's frame); 0 if unknown
};

struct DecodeOptions {
  std::size_t string_limit = 256;  // -s N: payload head and shown string bytes
  // Text a program writes is kept whole up to this many bytes per call, whatever -s
  // says: comparison templates paths inside it (a build directory in a generated file).
  std::size_t text_limit = 64 * 1024;
  std::size_t path_max = 4096;  // paths are read whole up to this
  bool hash_payloads = true;    // read whole buffers to hash them (needs the bytes)
};

// Decodes the arguments known at syscall entry (inputs). Arguments that are outputs
// show their address until decode_exit fills them in. The arguments are those strace
// shows, in its order: it leaves out arguments the call ignores (open's mode without
// O_CREAT, fcntl's argument for F_GETFL, mknod's dev for a fifo, clone's parent_tid
// without CLONE_PARENT_SETTID, preadv's pos_h...), whose registers hold leftovers that
// would make two runs differ, and a multiplexed call (prctl, ptrace...) shows what its
// command takes. So args.size() may differ from info.nargs; each Arg's name says
// which argument it is, and consumers look arguments up by name and kind.
std::vector<Arg> decode_entry(const SyscallInfo& info, const SyscallRegs& regs, TraceeMemory& mem,
                              FdNames& fds, const DecodeOptions& opts);

// Completes `event` at syscall exit: ret/err, output arguments (read buffers, fd pairs,
// sockaddrs), and event.ret_ref for calls that return an fd. `event.args` holds what
// decode_entry returned. `ret` is the raw return register.
void decode_exit(const SyscallInfo& info, const SyscallRegs& regs, std::int64_t ret,
                 TraceeMemory& mem, FdNames& fds, const DecodeOptions& opts, Event& event);

// Decoded args for a syscall number the table does not know: six hex values.
std::vector<Arg> decode_unknown(const SyscallRegs& regs);
// Sets event.ret/err for a syscall number the table does not know.
void decode_unknown_exit(std::int64_t ret, Event& event);

// True when a successful call returns a new fd (info.returns_fd, fcntl F_DUPFD*, bpf's
// map and program commands), so the caller records it in its fd table before decode_exit.
bool creates_fd(const SyscallInfo& info, const SyscallRegs& regs);

// The strace-style return part after " = ": "3</etc/passwd>", "-1 ENOENT (No such file
// or directory)", "0x7f2a1c000000", "? ERESTARTSYS (To be restarted if SA_RESTART is
// set)", "?" for an unfinished call. `info` may be null (unknown syscall).
std::string return_text(const SyscallInfo* info, const Event& event);

// A siginfo's fields as strace shows them ("si_signo", "si_code", "si_pid"...: a signal
// delivery's arguments). `fds`, when given, annotates si_fd.
std::vector<Arg> siginfo_args(const siginfo_t& si, FdNames* fds = nullptr);
// "SI_USER", "CLD_EXITED", "SEGV_MAPERR"...; a number for codes without a name.
std::string siginfo_code_name(int sig, int code);
// "{name=text, ...}": fields (siginfo_args) as one structure.
std::string fields_text(const std::vector<Arg>& fields);

}  // namespace golden
