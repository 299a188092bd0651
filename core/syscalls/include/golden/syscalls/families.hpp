// Syscall families: what kind of thing a call does, as columns of the syscall table
// (SyscallInfo::families), so analysis code asks the table ("is this read-like?")
// instead of keeping its own list of names that drifts from the others.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace golden::syscalls {

// One bit of SyscallInfo::families each. A call may be in several families (pread64 is
// Read and Positional); membership follows the kernel's semantics on x86-64, and
// families_test.cpp lists every family's members.
enum class Family : std::uint8_t {
  Read,          // bytes from an fd into the caller's memory: read, readv, pread64...
  Write,         // bytes from the caller's memory to an fd: write, writev, pwrite64...
  Positional,    // at an explicit file offset, leaving the fd's own offset alone (pread64...)
  Vectored,      // the caller's bytes are an iovec array (readv, writev, vmsplice...)
  Receive,       // bytes from a socket: recvfrom, recvmsg, recvmmsg
  Send,          // bytes to a socket: sendto, sendmsg, sendmmsg
  MultiMessage,  // a batch of socket messages; returns a message count, not bytes (recvmmsg)
  Copy,          // copies bytes from one fd to another in the kernel: sendfile, splice, tee...
  Splice,        // moves pages to or from a pipe: splice, tee, vmsplice
  Open,          // opens a path and returns a new fd: open, openat, openat2, creat
  Accept,        // a new fd for a connection on a listening socket: accept, accept4
  Dup,           // a copy of an fd: dup, dup2, dup3
  Pipe,          // a new pipe: pipe, pipe2
  Spawn,         // a new process or thread: clone, clone3, fork, vfork
  Exec,          // replaces the process image: execve, execveat
  ChildWait,     // waits for a child's state change: wait4, waitid
  Poll,          // waits for fds to be ready: poll, ppoll, select, pselect6, epoll_wait...
  SignalWait,    // waits for a signal: pause, rt_sigsuspend, rt_sigtimedwait
  Wait,          // blocks until another thread, process or the kernel acts: ChildWait, Poll,
                 // SignalWait and futex (not Sleep: a sleep waits only for time)
  Sleep,         // waits for time to pass: nanosleep, clock_nanosleep
  SignalSend,    // sends a signal: kill, tkill, tgkill, rt_sigqueueinfo, ...
  ClockRead,     // reads a clock: clock_gettime, gettimeofday, time, clock_getres
};

inline constexpr std::uint32_t bit(Family f) {
  return std::uint32_t{1} << static_cast<unsigned>(f);
}

// The number of families (Family's enumerators are 0..kFamilyCount-1).
inline constexpr unsigned kFamilyCount = static_cast<unsigned>(Family::ClockRead) + 1;

// "read", "positional"... (for messages and tests).
std::string_view family_name(Family f);

// Whether the syscall is in the family; false for a name or number the table does not know.
bool has_family(std::string_view name, Family f);
bool has_family(int nr, Family f);
// Whether the syscall is in any of the families.
bool has_any_family(std::string_view name, std::initializer_list<Family> families);

}  // namespace golden::syscalls
