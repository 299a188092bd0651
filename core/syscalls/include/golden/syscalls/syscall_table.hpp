// Syscall knowledge as data (STYLE.md §3): one table of every x86-64 syscall the
// kernel defines — number, name, classes and how each argument is decoded. It drives
// naming, decoding, the -e trace= classes and the seccomp filter.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace golden {

// strace's syscall classes (-e trace=%file ...). A syscall may be in several.
enum SyscallClass : std::uint16_t {
  kClassNone = 0,
  kClassFile = 1 << 0,     // %file: takes a file name
  kClassNetwork = 1 << 1,  // %network
  kClassProcess = 1 << 2,  // %process: process lifecycle
  kClassMemory = 1 << 3,   // %memory
  kClassSignal = 1 << 4,   // %signal
  kClassIpc = 1 << 5,      // %ipc: SysV IPC
  kClassDesc = 1 << 6,     // %desc: file descriptor related
  kClassCreds = 1 << 7,    // %creds
  kClassClock = 1 << 8,    // %clock
  kClassStat = 1 << 9,     // %stat-like (strace: %stat, %lstat, %fstat, %statfs...)
};

std::string_view class_name(SyscallClass c);                 // "file" (no %)
std::optional<SyscallClass> class_from_name(std::string_view name);  // "file" or "%file"

// How an argument is decoded (the contract between this table and golden::decode).
enum class ArgType : std::uint8_t {
  Int,          // signed decimal
  UInt,         // unsigned decimal (sizes, counts)
  Hex,          // shown in hex
  Ptr,          // opaque address (NULL shown as NULL)
  Fd,           // file descriptor
  DirFd,        // fd or AT_FDCWD
  Path,         // NUL-terminated path in tracee memory
  String,       // other NUL-terminated string
  InBuf,        // bytes the call reads from the tracee; length = arg[len_arg]
  OutBuf,       // bytes the call writes into the tracee; length = return value
  InIovec,      // struct iovec[arg[len_arg]] written out by the call (writev)
  OutIovec,     // struct iovec[arg[len_arg]] filled by the call (readv); length = return value
  InMsghdr,     // struct msghdr* sent (sendmsg)
  OutMsghdr,    // struct msghdr* received (recvmsg)
  OpenFlags,    // O_RDONLY|O_CREAT|...
  Mode,         // file mode, octal
  AtFlags,      // AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|...
  AccessMode,   // F_OK / R_OK|W_OK|X_OK
  MmapProt,     // PROT_READ|...
  MmapFlags,    // MAP_PRIVATE|...
  Signal,       // signal number
  SigHow,       // SIG_BLOCK...
  CloneFlags,   // CLONE_VM|...|SIGCHLD
  CloneArgs,    // struct clone_args* (clone3)
  SockaddrIn,   // struct sockaddr* given to the call; length = arg[len_arg]
  SockaddrOut,  // struct sockaddr* filled by the call; length = *arg[len_arg]
  SockDomain,   // AF_INET...
  SockType,     // SOCK_STREAM|SOCK_CLOEXEC...
  Argv,         // NULL-terminated char*[] (execve argv)
  Envp,         // NULL-terminated char*[] (execve envp): count only unless asked
  FcntlCmd,     // F_GETFL...
  Whence,       // SEEK_SET...
  WaitOptions,  // WNOHANG|...
  Pid,          // a pid (may be -1, 0, -pgid)
  FdPairOut,    // int[2] filled by the call (pipe, socketpair)
  Timespec,     // const struct timespec*
  Struct,       // other pointer to a structure, shown as an address
  // Added after the first contract (append only: never reorder the ones above).
  OpenHow,        // struct open_how* (openat2)
  MsgFlags,       // MSG_DONTWAIT|MSG_NOSIGNAL...
  ShutdownHow,    // SHUT_RD...
  SockLevel,      // SOL_SOCKET, SOL_TCP... (the next argument is its SockOptName)
  SockOptName,    // SO_REUSEADDR, TCP_NODELAY... (meaning depends on the previous SockLevel)
  SockOptVal,     // const void* optval of setsockopt; length = arg[len_arg]
  SockProtocol,   // IPPROTO_TCP, NETLINK_ROUTE... (meaning depends on the domain in arg 0)
  SockLen,        // socklen_t* in/out (accept, getsockname): "[128 => 16]"
  SockFlags,      // SOCK_CLOEXEC|SOCK_NONBLOCK (accept4)
  EpollOp,        // EPOLL_CTL_ADD...
  EpollFlags,     // EPOLL_CLOEXEC
  PipeFlags,      // O_CLOEXEC|O_NONBLOCK|O_DIRECT (pipe2, dup3); 0 shown as 0
  EventfdFlags,   // EFD_CLOEXEC|EFD_NONBLOCK|EFD_SEMAPHORE
  MemfdFlags,     // MFD_CLOEXEC|MFD_ALLOW_SEALING...
  RenameFlags,    // RENAME_NOREPLACE...
  UnlinkatFlags,  // AT_REMOVEDIR
  AccessAtFlags,  // AT_EACCESS|AT_SYMLINK_NOFOLLOW... (faccessat2)
  NsFlags,        // CLONE_NEW*... without an exit signal (unshare, setns)
  IoctlCmd,       // TCGETS, FIONREAD...
  FutexOp,        // FUTEX_WAIT_PRIVATE...
  ClockId,        // CLOCK_MONOTONIC...
  TimerFlags,     // TIMER_ABSTIME
  MremapFlags,    // MREMAP_MAYMOVE...
  FlockOp,        // LOCK_EX|LOCK_NB
  IdType,         // P_PID... (waitid)
  ArchPrctlCode,  // ARCH_SET_FS...
  Sigset,         // const sigset_t*; size = arg[len_arg]
  SigsetOut,      // sigset_t* filled by the call; size = arg[len_arg]
  Sigaction,      // const struct sigaction* (kernel layout)
  SigactionOut,   // struct sigaction* filled by the call
  WaitStatus,     // int* wstatus filled by wait4
  StatOut,        // struct stat* filled by the call
  StatxOut,       // struct statx* filled by the call
  DirentsOut,     // struct linux_dirent64[] filled by getdents; length = return value
  OutPath,        // char* filled with a NUL-terminated path (getcwd)
  Uid,            // uid_t/gid_t: 32 bits, (uid_t)-1 shown as -1
  PollFds,        // struct pollfd[arg[len_arg]]: events at entry, revents at exit
  EpollEvent,     // const struct epoll_event* (epoll_ctl)
  EpollEventsOut, // struct epoll_event[] filled by epoll_wait; count = return value
};

// A Path argument that directly follows a DirFd argument is relative to that directory
// (openat(dirfd, path), renameat(olddirfd, oldpath, newdirfd, newpath)...); any other
// Path is relative to the working directory.
struct ArgSpec {
  std::string_view name;
  ArgType type = ArgType::Int;
  std::int8_t len_arg = -1;  // index of the argument holding the length, or -1
};

struct SyscallInfo {
  int nr = -1;
  std::string_view name;
  std::uint16_t classes = kClassNone;  // SyscallClass bits
  std::uint8_t nargs = 0;
  std::array<ArgSpec, 6> args{};
  bool returns_fd = false;             // success return value is a new fd
  bool never_returns = false;          // exit, exit_group (no exit stop)
  bool returns_addr = false;           // success return value is an address (mmap, brk): show in hex

  bool in(SyscallClass c) const { return (classes & c) != 0; }
};

// Every syscall, indexed by number; gaps in the numbering are not in the span.
std::span<const SyscallInfo> all_syscalls();
// nullptr for a number the table does not know (counted as an anomaly by callers).
const SyscallInfo* syscall_by_nr(int nr);
const SyscallInfo* syscall_by_name(std::string_view name);
// The highest syscall number in the table.
int max_syscall_nr();

}  // namespace golden
