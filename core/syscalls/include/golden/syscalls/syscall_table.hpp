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
  // Added for strace-grade decoding (issue 12); the xlat column names the table.
  XEnum,          // a constant named from ArgSpec::xlat (unknown: "0x63 /* PREFIX??? */")
  XFlags,         // bits named from ArgSpec::xlat ("0" when none)
  IntOut,         // int* filled by the call: "[N]" at exit (named from ArgSpec::xlat when set)
  IntIn,          // const int* read at entry: "[N]" (named from ArgSpec::xlat when set)
  Int64In,        // const loff_t* read at entry: "[N]" (copy_file_range offsets)
  Int64InOut,     // loff_t* read at entry, updated by the call: "[0] => [5]" (sendfile)
  Rlimit,         // const struct rlimit64*
  RlimitOut,      // struct rlimit64* filled by the call
  RusageOut,      // struct rusage* filled by the call
  Timeval,        // const struct timeval*
  TimevalOut,     // struct timeval* filled by the call
  TimespecOut,    // struct timespec* filled by the call
  Itimerval,      // const struct itimerval*
  ItimervalOut,   // struct itimerval* filled by the call
  Itimerspec,     // const struct itimerspec*
  ItimerspecOut,  // struct itimerspec* filled by the call
  UtimensTimes,   // const struct timespec[2] (utimensat)
  UtimesTimes,    // const struct timeval[2] (utimes, futimesat)
  Utimbuf,        // const struct utimbuf* (utime)
  Sigevent,       // const struct sigevent*
  MqAttr,         // const struct mq_attr*
  MqAttrOut,      // struct mq_attr* filled by the call
  Siginfo,        // const siginfo_t*
  SiginfoOut,     // siginfo_t* filled by the call (waitid, rt_sigtimedwait)
  StackT,         // const stack_t* (sigaltstack)
  StackTOut,      // stack_t* filled by the call
  SigreturnFrame, // rt_sigreturn: the mask restored from the signal frame at the stack pointer
  FdSet,          // fd_set* of arg[len_arg] bits, in at entry (select)
  StatfsOut,      // struct statfs* filled by the call
  UtsnameOut,     // struct utsname* filled by the call
  SysinfoOut,     // struct sysinfo* filled by the call
  RandomOut,      // bytes filled by getrandom, shown in hex; length = return value
  IoctlArg,       // ioctl's third argument: what the request says
  Command,        // a multiplexed call's command (prctl, ptrace, seccomp, bpf, *ctl): the
                  // following arguments are decoded as the command's row says
  SockOptValOut,  // getsockopt's optval, filled by the call; length = *arg[len_arg]
  SchedParam,     // const struct sched_param*: "[prio]"
  SchedParamOut,  // struct sched_param* filled by the call
  GidsOut,        // gid_t[return value] filled by the call (getgroups)
  GidsIn,         // const gid_t[arg[len_arg]] (setgroups)
  MincoreVec,     // unsigned char[pages of arg[len_arg]] filled by mincore
  CapHeader,      // cap_user_header_t
  CapDataOut,     // cap_user_data_t filled by capget
  CapData,        // const cap_user_data_t (capset)
  IpcKey,         // key_t: IPC_PRIVATE or hex
  IpcFlags,       // IPC_CREAT|IPC_EXCL|... with the permission bits in octal ("IPC_CREAT|0600")
  MsgbufIn,       // struct msgbuf* sent: {mtype=1, mtext="..."}; text length = arg[len_arg]
  MsgbufOut,      // struct msgbuf* received; text length = arg[len_arg]
  Sembufs,        // struct sembuf[arg[len_arg]]
  IpcCtlBuf,      // msgctl/shmctl/semctl's buffer: what the command says
  PerfAttr,       // struct perf_event_attr*
  TimeOut,        // time_t* filled by the call (time)
  KeySerial,      // key_serial_t: KEY_SPEC_* or the number
  SigsetIn,       // const sigset_t* of arg[len_arg] bytes, decoded like Sigset (ppoll...)
  PselectSigmask, // pselect6's {sigmask=[...], sigsetsize=8} pair
  OffsetPtr,      // loff_t* read at entry only, may be NULL (splice)
  StringOut,      // char* filled with a NUL-terminated string by the call (prctl PR_GET_NAME)
  SockFprog,      // const struct sock_fprog* (seccomp filters): {len=N, filter=0x...}
  SeccompNotifSizesOut,  // struct seccomp_notif_sizes* filled by the call
  PtrOut,         // a pointer-sized value filled by the call: "[0x...]" (ptrace PEEK*)
};

// Named constant tables (golden::decode's xlat tables) an XEnum/XFlags argument or a
// return value is named from. The decoder maps each to its table and unknown-value style.
enum class XlatId : std::uint8_t {
  None,
  Resources, Rusage, ItimerWhich, Madvise, MlockallFlags, MlockFlags, MsyncFlags, Membarrier,
  Schedulers, Priorities, Personality, IpcMsgFlags, SemopFlags, ShmFlags, SigevNotify, EfdFlags,
  SfdFlags, TfdFlags, TfdSettimeFlags, StatxMasks, AtStatxSync, Fadvise, SpliceFlags, GetrandomFlags,
  XattrFlags, PidfdOpenFlags, InotifyMask, InotifyInitFlags, PrctlOptions, PtraceRequests,
  PtraceOptions, SeccompOps, SeccompFilterFlags, BpfCommands, MsgctlCmds, SemctlCmds, ShmctlCmds,
  IoprioWho, KeyctlCommands, FallocFlags, CloseRangeFlags, FanInitFlags, UffdFlags, Umount2Flags,
  MountFlags, MemfdFlags, RseqFlags, PerfOpenFlags, SchedAttrFlags, WaitidOptions, SockLevel,
  SigaltstackFlags, MembarrierFlags,
  Signals,        // not a table: signal names (SIGTERM, SIGRT_1), as printsignal does
  PrDumpable, Capabilities, Secbits, SeccompRetActions, SeccompMode, PtraceUserOffsets,
  IoprioValue,    // not a table: IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)
};

// When an argument is shown. strace leaves out arguments the call ignores (open's mode
// without O_CREAT, mknod's dev for a fifo...): their registers hold leftovers that would
// make two runs of one program differ.
enum class ArgCond : std::uint8_t {
  Always,
  IfCreat,        // the previous OpenFlags has O_CREAT or O_TMPFILE
  IfDevice,       // the previous Mode is a character or block device
  IfFcntlArg,     // fcntl's command takes an argument
  IfMremapFixed,  // mremap's flags (arg 3) hold MREMAP_FIXED
  Never,          // ignored by the kernel on x86-64 (preadv's pos_h)
  IfCloneParentTid,   // clone: CLONE_PARENT_SETTID or CLONE_PIDFD in flags (register 0)
  IfCloneTls,         // clone: CLONE_SETTLS
  IfCloneChildTid,    // clone: CLONE_CHILD_SETTID or CLONE_CHILD_CLEARTID
  IfMembarrierCpu,    // membarrier: MEMBARRIER_CMD_FLAG_CPU in flags
  IfIoctlArg,         // ioctl: the request takes a third argument (not FIOCLEX...)
};

// How a successful return value is shown (errors are always "-1 ENAME (text)").
enum class RetStyle : std::uint8_t {
  Value,      // decimal (an fd return gets its <annotation>)
  Hex,        // an address or flag word: 0x7f00...
  Octal,      // umask: 022
  XEnumNote,  // "0 (SCHED_OTHER)" named from SyscallInfo::ret_xlat
  XFlagsNote, // "0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)"
  SignalNote, // "12 (SIGUSR2)"
  TimeNote,   // "1796633795 (2026-12-07T08:56:35+0000)"
  Stored,     // "2 (" + the note the exit decoder stored + ")" when there is one
};

// A Path argument that directly follows a DirFd argument is relative to that directory
// (openat(dirfd, path), renameat(olddirfd, oldpath, newdirfd, newpath)...); any other
// Path is relative to the working directory.
struct ArgSpec {
  std::string_view name;
  ArgType type = ArgType::Int;
  std::int8_t len_arg = -1;  // register holding the length, or -1
  // The C type's size in the kernel's prototype: 4 for int and unsigned int (the kernel
  // reads only the low 32 bits; Int prints them signed, UInt/Hex unsigned), 8 for long,
  // size_t, loff_t and pointers.
  std::uint8_t width = 8;
  XlatId xlat = XlatId::None;    // XEnum, XFlags, Command: the table of names
  ArgCond cond = ArgCond::Always;
  std::int8_t reg = -1;          // register the value is in; -1: the argument's position
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
  RetStyle ret_style = RetStyle::Value;
  XlatId ret_xlat = XlatId::None;      // XEnumNote/XFlagsNote: names of the return value
  bool named_args = false;             // shown as name=value, in the table's order (clone)
  std::uint32_t families = 0;          // syscalls::Family bits (families.hpp)

  // The register argument `i` (a position in `args`) is read from.
  std::size_t reg(std::size_t i) const { return args[i].reg < 0 ? i : static_cast<std::size_t>(args[i].reg); }

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
