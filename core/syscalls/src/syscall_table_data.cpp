// Every x86-64 syscall of Linux 6.19 (arch/x86/entry/syscalls/syscall_64.tbl, "common"
// and "64" entries: 0..336 and 424..471; the x32 range 512+ is not native), as data.
//
// Classes follow strace's syscallent tables (TD→desc, TF→file, TN→network, TP→process,
// TS→signal, TM→memory, TI→ipc, TC→creds, TCL→clock, the stat/statfs families→stat).
// Argument counts are the kernel's SYSCALL_DEFINEn arities (strace's nargs for the
// unimplemented entries, which have no SYSCALL_DEFINE), except rt_sigreturn's one entry:
// the signal frame at the stack pointer, whose mask strace shows. Argument names follow the
// kernel/man page parameter names. Argument kinds, widths and conditions follow how
// strace 6.1 shows each call (its decoders are the reference the conformance suite,
// testdata/conformance, checks golden against). Families (families.hpp) follow the
// kernel's semantics of each call; families_test.cpp spells every family's members out.
#include "syscall_table_data.hpp"

#include <initializer_list>

#include "golden/syscalls/families.hpp"

namespace golden::detail {
namespace {

using T = ArgType;
using X = XlatId;
using C = ArgCond;
using R = RetStyle;

constexpr std::uint16_t D = kClassDesc, F = kClassFile, N = kClassNetwork, P = kClassProcess,
                        M = kClassMemory, S = kClassSignal, I = kClassIpc, C_ = kClassCreds,
                        K = kClassClock, ST = kClassStat;

enum : unsigned { kValue = 0, kFd = 1, kNever = 2, kAddr = 4 };

constexpr ArgSpec a(std::string_view name, ArgType type, int len_arg = -1, int width = 8) {
  return ArgSpec{name, type, static_cast<std::int8_t>(len_arg), static_cast<std::uint8_t>(width)};
}

constexpr SyscallInfo sc(int nr, std::string_view name, std::uint16_t classes,
                         std::initializer_list<ArgSpec> args, unsigned ret = kValue) {
  SyscallInfo s{};
  s.nr = nr;
  s.name = name;
  s.classes = classes;
  s.nargs = static_cast<std::uint8_t>(args.size());
  std::size_t i = 0;
  for (const ArgSpec& spec : args) s.args.at(i++) = spec;  // at(): >6 args fails to compile
  s.returns_fd = (ret & kFd) != 0;
  s.never_returns = (ret & kNever) != 0;
  s.returns_addr = (ret & kAddr) != 0;
  if (s.returns_addr) s.ret_style = RetStyle::Hex;
  return s;
}

// Modifiers: how the return value is shown; arguments shown as name=value.
constexpr SyscallInfo ret(SyscallInfo s, RetStyle style, XlatId xlat = XlatId::None) {
  s.ret_style = style;
  s.ret_xlat = xlat;
  return s;
}
constexpr SyscallInfo named(SyscallInfo s) {
  s.named_args = true;
  return s;
}
// The families the call is in (families.hpp).
using Fam = syscalls::Family;
constexpr SyscallInfo fam(SyscallInfo s, std::initializer_list<Fam> families) {
  for (Fam f : families) s.families |= syscalls::bit(f);
  return s;
}
// Modifiers of an argument: shown only when; read from another register.
constexpr ArgSpec when(ArgSpec spec, ArgCond cond) {
  spec.cond = cond;
  return spec;
}
constexpr ArgSpec at(ArgSpec spec, int reg) {
  spec.reg = static_cast<std::int8_t>(reg);
  return spec;
}

// Shorthands for the generic argument kinds used over and over. Widths follow the
// kernel's prototypes: i/u4/x4 are int/unsigned int (32 bits), l/u/hex long/size_t.
constexpr ArgSpec fd(std::string_view n = "fd") { return a(n, T::Fd, -1, 4); }
constexpr ArgSpec dirfd(std::string_view n = "dirfd") { return a(n, T::DirFd, -1, 4); }
constexpr ArgSpec path(std::string_view n = "pathname") { return a(n, T::Path); }
constexpr ArgSpec str(std::string_view n) { return a(n, T::String); }
constexpr ArgSpec ptr(std::string_view n) { return a(n, T::Ptr); }
constexpr ArgSpec hex(std::string_view n) { return a(n, T::Hex); }
constexpr ArgSpec x4(std::string_view n) { return a(n, T::Hex, -1, 4); }
constexpr ArgSpec i(std::string_view n) { return a(n, T::Int, -1, 4); }
constexpr ArgSpec l(std::string_view n) { return a(n, T::Int); }
constexpr ArgSpec u(std::string_view n) { return a(n, T::UInt); }
constexpr ArgSpec u4(std::string_view n) { return a(n, T::UInt, -1, 4); }
constexpr ArgSpec pid(std::string_view n = "pid") { return a(n, T::Pid, -1, 4); }
constexpr ArgSpec xe(std::string_view n, XlatId x, int width = 4) {
  ArgSpec s = a(n, T::XEnum, -1, width);
  s.xlat = x;
  return s;
}
constexpr ArgSpec xf(std::string_view n, XlatId x, int width = 4) {
  ArgSpec s = a(n, T::XFlags, -1, width);
  s.xlat = x;
  return s;
}
constexpr ArgSpec cmd(std::string_view n, XlatId x, int width = 4) {
  ArgSpec s = a(n, T::Command, -1, width);
  s.xlat = x;
  return s;
}

// clang-format off
constexpr SyscallInfo kTable[] = {
  fam(sc(0, "read", D, {fd(), a("buf", T::OutBuf, 2), u("count")}), {Fam::Read}),
  fam(sc(1, "write", D, {fd(), a("buf", T::InBuf, 2), u("count")}), {Fam::Write}),
  fam(sc(2, "open", D|F, {path(), a("flags", T::OpenFlags, -1, 4), when(a("mode", T::Mode, -1, 4), C::IfCreat)}, kFd), {Fam::Open}),
  sc(3, "close", D, {fd()}),
  sc(4, "stat", F|ST, {path(), a("statbuf", T::StatOut)}),
  sc(5, "fstat", D|ST, {fd(), a("statbuf", T::StatOut)}),
  sc(6, "lstat", F|ST, {path(), a("statbuf", T::StatOut)}),
  fam(ret(sc(7, "poll", D, {a("fds", T::PollFds, 1), u4("nfds"), i("timeout")}), R::Stored), {Fam::Poll, Fam::Wait}),
  sc(8, "lseek", D, {fd(), l("offset"), a("whence", T::Whence, -1, 4)}),
  sc(9, "mmap", D|M, {ptr("addr"), u("length"), a("prot", T::MmapProt), a("flags", T::MmapFlags), fd(), hex("offset")}, kAddr),
  sc(10, "mprotect", M, {ptr("addr"), u("len"), a("prot", T::MmapProt)}),
  sc(11, "munmap", M, {ptr("addr"), u("length")}),
  sc(12, "brk", M, {ptr("addr")}, kAddr),
  sc(13, "rt_sigaction", S, {a("signum", T::Signal, -1, 4), a("act", T::Sigaction), a("oldact", T::SigactionOut), u("sigsetsize")}),
  sc(14, "rt_sigprocmask", S, {a("how", T::SigHow, -1, 4), a("set", T::Sigset, 3), a("oldset", T::SigsetOut, 3), u("sigsetsize")}),
  sc(15, "rt_sigreturn", S, {a("frame", T::SigreturnFrame)}),
  sc(16, "ioctl", D, {fd(), a("request", T::IoctlCmd, -1, 4), when(a("arg", T::IoctlArg), C::IfIoctlArg)}),
  fam(sc(17, "pread64", D, {fd(), a("buf", T::OutBuf, 2), u("count"), l("offset")}), {Fam::Read, Fam::Positional}),
  fam(sc(18, "pwrite64", D, {fd(), a("buf", T::InBuf, 2), u("count"), l("offset")}), {Fam::Write, Fam::Positional}),
  fam(sc(19, "readv", D, {fd(), a("iov", T::OutIovec, 2), u("iovcnt")}), {Fam::Read, Fam::Vectored}),
  fam(sc(20, "writev", D, {fd(), a("iov", T::InIovec, 2), u("iovcnt")}), {Fam::Write, Fam::Vectored}),
  sc(21, "access", F, {path(), a("mode", T::AccessMode, -1, 4)}),
  fam(sc(22, "pipe", D, {a("pipefd", T::FdPairOut)}), {Fam::Pipe}),
  fam(ret(sc(23, "select", D, {i("nfds"), a("readfds", T::FdSet, 0), a("writefds", T::FdSet, 0), a("exceptfds", T::FdSet, 0), a("timeout", T::Timeval)}), R::Stored), {Fam::Poll, Fam::Wait}),
  sc(24, "sched_yield", 0, {}),
  sc(25, "mremap", M, {ptr("old_address"), u("old_size"), u("new_size"), a("flags", T::MremapFlags), when(ptr("new_address"), C::IfMremapFixed)}, kAddr),
  sc(26, "msync", M, {ptr("addr"), u("length"), xf("flags", X::MsyncFlags)}),
  sc(27, "mincore", M, {ptr("addr"), u("length"), a("vec", T::MincoreVec, 1)}),
  sc(28, "madvise", M, {ptr("addr"), u("length"), xe("advice", X::Madvise)}),
  sc(29, "shmget", I, {a("key", T::IpcKey, -1, 4), u("size"), a("shmflg", T::IpcFlags, -1, 4)}),
  sc(30, "shmat", I|M, {i("shmid"), ptr("shmaddr"), xf("shmflg", X::ShmFlags)}, kAddr),
  sc(31, "shmctl", I, {i("shmid"), cmd("cmd", X::ShmctlCmds), ptr("buf")}),
  fam(sc(32, "dup", D, {fd("oldfd")}, kFd), {Fam::Dup}),
  fam(sc(33, "dup2", D, {fd("oldfd"), fd("newfd")}, kFd), {Fam::Dup}),
  fam(sc(34, "pause", S, {}), {Fam::SignalWait, Fam::Wait}),
  fam(sc(35, "nanosleep", 0, {a("req", T::Timespec), a("rem", T::TimespecOut)}), {Fam::Sleep}),
  sc(36, "getitimer", 0, {xe("which", X::ItimerWhich), a("curr_value", T::ItimervalOut)}),
  sc(37, "alarm", 0, {u4("seconds")}),
  sc(38, "setitimer", 0, {xe("which", X::ItimerWhich), a("new_value", T::Itimerval), a("old_value", T::ItimervalOut)}),
  sc(39, "getpid", 0, {}),
  fam(sc(40, "sendfile", D|N, {fd("out_fd"), fd("in_fd"), a("offset", T::Int64InOut), u("count")}), {Fam::Copy}),
  sc(41, "socket", N, {a("domain", T::SockDomain, -1, 4), a("type", T::SockType, -1, 4), a("protocol", T::SockProtocol, -1, 4)}, kFd),
  sc(42, "connect", N, {fd("sockfd"), a("addr", T::SockaddrIn, 2), u4("addrlen")}),
  fam(sc(43, "accept", N, {fd("sockfd"), a("addr", T::SockaddrOut, 2), a("addrlen", T::SockLen)}, kFd), {Fam::Accept}),
  fam(sc(44, "sendto", N, {fd("sockfd"), a("buf", T::InBuf, 2), u("len"), a("flags", T::MsgFlags, -1, 4), a("dest_addr", T::SockaddrIn, 5), u4("addrlen")}), {Fam::Send}),
  fam(sc(45, "recvfrom", N, {fd("sockfd"), a("buf", T::OutBuf, 2), u("len"), a("flags", T::MsgFlags, -1, 4), a("src_addr", T::SockaddrOut, 5), a("addrlen", T::SockLen)}), {Fam::Receive}),
  fam(sc(46, "sendmsg", N, {fd("sockfd"), a("msg", T::InMsghdr), a("flags", T::MsgFlags, -1, 4)}), {Fam::Send}),
  fam(sc(47, "recvmsg", N, {fd("sockfd"), a("msg", T::OutMsghdr), a("flags", T::MsgFlags, -1, 4)}), {Fam::Receive}),
  sc(48, "shutdown", N, {fd("sockfd"), a("how", T::ShutdownHow, -1, 4)}),
  sc(49, "bind", N, {fd("sockfd"), a("addr", T::SockaddrIn, 2), u4("addrlen")}),
  sc(50, "listen", N, {fd("sockfd"), i("backlog")}),
  sc(51, "getsockname", N, {fd("sockfd"), a("addr", T::SockaddrOut, 2), a("addrlen", T::SockLen)}),
  sc(52, "getpeername", N, {fd("sockfd"), a("addr", T::SockaddrOut, 2), a("addrlen", T::SockLen)}),
  sc(53, "socketpair", N, {a("domain", T::SockDomain, -1, 4), a("type", T::SockType, -1, 4), a("protocol", T::SockProtocol, -1, 4), a("sv", T::FdPairOut)}),
  sc(54, "setsockopt", N, {fd("sockfd"), a("level", T::SockLevel, -1, 4), a("optname", T::SockOptName, -1, 4), a("optval", T::SockOptVal, 4), i("optlen")}),
  sc(55, "getsockopt", N, {fd("sockfd"), a("level", T::SockLevel, -1, 4), a("optname", T::SockOptName, -1, 4), a("optval", T::SockOptValOut, 4), a("optlen", T::SockLen)}),
  fam(named(sc(56, "clone", P, {at(ptr("child_stack"), 1), at(a("flags", T::CloneFlags), 0), when(at(a("parent_tid", T::IntOut), 2), C::IfCloneParentTid), when(at(hex("tls"), 4), C::IfCloneTls), when(at(ptr("child_tidptr"), 3), C::IfCloneChildTid)})), {Fam::Spawn}),
  fam(sc(57, "fork", P, {}), {Fam::Spawn}),
  fam(sc(58, "vfork", P, {}), {Fam::Spawn}),
  fam(sc(59, "execve", F|P, {path(), a("argv", T::Argv), a("envp", T::Envp)}), {Fam::Exec}),
  sc(60, "exit", P, {i("status")}, kNever),
  fam(sc(61, "wait4", P, {pid(), a("wstatus", T::WaitStatus), a("options", T::WaitOptions, -1, 4), a("rusage", T::RusageOut)}), {Fam::ChildWait, Fam::Wait}),
  fam(sc(62, "kill", S|P, {pid(), a("sig", T::Signal, -1, 4)}), {Fam::SignalSend}),
  sc(63, "uname", 0, {a("buf", T::UtsnameOut)}),
  sc(64, "semget", I, {a("key", T::IpcKey, -1, 4), i("nsems"), a("semflg", T::IpcFlags, -1, 4)}),
  sc(65, "semop", I, {i("semid"), a("sops", T::Sembufs, 2), u("nsops")}),
  sc(66, "semctl", I, {i("semid"), i("semnum"), cmd("cmd", X::SemctlCmds), hex("arg")}),
  sc(67, "shmdt", I|M, {ptr("shmaddr")}),
  sc(68, "msgget", I, {a("key", T::IpcKey, -1, 4), a("msgflg", T::IpcFlags, -1, 4)}),
  sc(69, "msgsnd", I, {i("msqid"), a("msgp", T::MsgbufIn, 2), u("msgsz"), xf("msgflg", X::IpcMsgFlags)}),
  sc(70, "msgrcv", I, {i("msqid"), a("msgp", T::MsgbufOut, 2), u("msgsz"), l("msgtyp"), xf("msgflg", X::IpcMsgFlags)}),
  sc(71, "msgctl", I, {i("msqid"), cmd("cmd", X::MsgctlCmds), ptr("buf")}),
  sc(72, "fcntl", D, {fd(), a("cmd", T::FcntlCmd, -1, 4), when(hex("arg"), C::IfFcntlArg)}),
  sc(73, "flock", D, {fd(), a("operation", T::FlockOp, -1, 4)}),
  sc(74, "fsync", D, {fd()}),
  sc(75, "fdatasync", D, {fd()}),
  sc(76, "truncate", F, {path("path"), l("length")}),
  sc(77, "ftruncate", D, {fd(), u("length")}),
  sc(78, "getdents", D, {fd(), a("dirp", T::DirentsOut), u4("count")}),
  sc(79, "getcwd", F, {a("buf", T::OutPath), u("size")}),
  sc(80, "chdir", F, {path("path")}),
  sc(81, "fchdir", D, {fd()}),
  sc(82, "rename", F, {path("oldpath"), path("newpath")}),
  sc(83, "mkdir", F, {path(), a("mode", T::Mode, -1, 4)}),
  sc(84, "rmdir", F, {path()}),
  fam(sc(85, "creat", D|F, {path(), a("mode", T::Mode, -1, 4)}, kFd), {Fam::Open}),
  sc(86, "link", F, {path("oldpath"), path("newpath")}),
  sc(87, "unlink", F, {path()}),
  sc(88, "symlink", F, {str("target"), path("linkpath")}),
  sc(89, "readlink", F, {path(), a("buf", T::OutBuf, 2), i("bufsiz")}),
  sc(90, "chmod", F, {path(), a("mode", T::Mode, -1, 4)}),
  sc(91, "fchmod", D, {fd(), a("mode", T::Mode, -1, 4)}),
  sc(92, "chown", F, {path(), a("owner", T::Uid), a("group", T::Uid)}),
  sc(93, "fchown", D, {fd(), a("owner", T::Uid), a("group", T::Uid)}),
  sc(94, "lchown", F, {path(), a("owner", T::Uid), a("group", T::Uid)}),
  ret(sc(95, "umask", 0, {a("mask", T::Mode, -1, 4)}), R::Octal),
  fam(sc(96, "gettimeofday", K, {a("tv", T::TimevalOut), ptr("tz")}), {Fam::ClockRead}),
  sc(97, "getrlimit", 0, {xe("resource", X::Resources), a("rlim", T::RlimitOut)}),
  sc(98, "getrusage", 0, {xe("who", X::Rusage), a("usage", T::RusageOut)}),
  sc(99, "sysinfo", 0, {a("info", T::SysinfoOut)}),
  sc(100, "times", 0, {ptr("buf")}),
  sc(101, "ptrace", 0, {cmd("request", X::PtraceRequests, 8), pid(), ptr("addr"), ptr("data")}),
  sc(102, "getuid", C_, {}),
  sc(103, "syslog", 0, {i("type"), ptr("bufp"), i("len")}),
  sc(104, "getgid", C_, {}),
  sc(105, "setuid", C_, {a("uid", T::Uid)}),
  sc(106, "setgid", C_, {a("gid", T::Uid)}),
  sc(107, "geteuid", C_, {}),
  sc(108, "getegid", C_, {}),
  sc(109, "setpgid", 0, {pid(), pid("pgid")}),
  sc(110, "getppid", 0, {}),
  sc(111, "getpgrp", 0, {}),
  sc(112, "setsid", 0, {}),
  sc(113, "setreuid", C_, {a("ruid", T::Uid), a("euid", T::Uid)}),
  sc(114, "setregid", C_, {a("rgid", T::Uid), a("egid", T::Uid)}),
  sc(115, "getgroups", C_, {i("size"), a("list", T::GidsOut)}),
  sc(116, "setgroups", C_, {i("size"), a("list", T::GidsIn, 0)}),
  sc(117, "setresuid", C_, {a("ruid", T::Uid), a("euid", T::Uid), a("suid", T::Uid)}),
  sc(118, "getresuid", C_, {a("ruid", T::IntOut, -1, 4), a("euid", T::IntOut, -1, 4), a("suid", T::IntOut, -1, 4)}),
  sc(119, "setresgid", C_, {a("rgid", T::Uid), a("egid", T::Uid), a("sgid", T::Uid)}),
  sc(120, "getresgid", C_, {a("rgid", T::IntOut, -1, 4), a("egid", T::IntOut, -1, 4), a("sgid", T::IntOut, -1, 4)}),
  sc(121, "getpgid", 0, {pid()}),
  sc(122, "setfsuid", C_, {a("fsuid", T::Uid)}),
  sc(123, "setfsgid", C_, {a("fsgid", T::Uid)}),
  sc(124, "getsid", 0, {pid()}),
  sc(125, "capget", C_, {a("hdrp", T::CapHeader), a("datap", T::CapDataOut)}),
  sc(126, "capset", C_, {a("hdrp", T::CapHeader), a("datap", T::CapData)}),
  sc(127, "rt_sigpending", S, {a("set", T::SigsetOut, 1), u("sigsetsize")}),
  fam(ret(sc(128, "rt_sigtimedwait", S, {a("set", T::Sigset, 3), a("info", T::SiginfoOut), a("timeout", T::Timespec), u("sigsetsize")}), R::SignalNote), {Fam::SignalWait, Fam::Wait}),
  fam(sc(129, "rt_sigqueueinfo", S|P, {pid("tgid"), a("sig", T::Signal, -1, 4), a("info", T::Siginfo)}), {Fam::SignalSend}),
  fam(sc(130, "rt_sigsuspend", S, {a("mask", T::Sigset, 1), u("sigsetsize")}), {Fam::SignalWait, Fam::Wait}),
  sc(131, "sigaltstack", S, {a("ss", T::StackT), a("old_ss", T::StackTOut)}),
  sc(132, "utime", F, {path("filename"), a("times", T::Utimbuf)}),
  sc(133, "mknod", F, {path(), a("mode", T::Mode, -1, 4), when(x4("dev"), C::IfDevice)}),
  sc(134, "uselib", F, {path("library")}),
  ret(sc(135, "personality", 0, {xf("persona", X::Personality)}), R::XFlagsNote, X::Personality),
  sc(136, "ustat", ST, {x4("dev"), ptr("ubuf")}),
  sc(137, "statfs", F|ST, {path("path"), a("buf", T::StatfsOut)}),
  sc(138, "fstatfs", D|ST, {fd(), a("buf", T::StatfsOut)}),
  sc(139, "sysfs", 0, {i("option"), hex("arg1"), hex("arg2")}),
  sc(140, "getpriority", 0, {xe("which", X::Priorities), i("who")}),
  sc(141, "setpriority", 0, {xe("which", X::Priorities), i("who"), i("prio")}),
  sc(142, "sched_setparam", 0, {pid(), a("param", T::SchedParam)}),
  sc(143, "sched_getparam", 0, {pid(), a("param", T::SchedParamOut)}),
  sc(144, "sched_setscheduler", 0, {pid(), xe("policy", X::Schedulers), a("param", T::SchedParam)}),
  ret(sc(145, "sched_getscheduler", 0, {pid()}), R::XEnumNote, X::Schedulers),
  sc(146, "sched_get_priority_max", 0, {xe("policy", X::Schedulers)}),
  sc(147, "sched_get_priority_min", 0, {xe("policy", X::Schedulers)}),
  sc(148, "sched_rr_get_interval", 0, {pid(), a("tp", T::TimespecOut)}),
  sc(149, "mlock", M, {ptr("addr"), u("len")}),
  sc(150, "munlock", M, {ptr("addr"), u("len")}),
  sc(151, "mlockall", M, {xf("flags", X::MlockallFlags)}),
  sc(152, "munlockall", M, {}),
  sc(153, "vhangup", 0, {}),
  sc(154, "modify_ldt", 0, {i("func"), ptr("ptr"), u("bytecount")}),
  sc(155, "pivot_root", F, {path("new_root"), path("put_old")}),
  sc(156, "_sysctl", 0, {ptr("args")}),
  sc(157, "prctl", C_, {cmd("option", X::PrctlOptions), hex("arg2"), hex("arg3"), hex("arg4"), hex("arg5")}),
  sc(158, "arch_prctl", 0, {a("code", T::ArchPrctlCode, -1, 4), hex("addr")}),
  sc(159, "adjtimex", K, {ptr("buf")}),
  sc(160, "setrlimit", 0, {xe("resource", X::Resources), a("rlim", T::Rlimit)}),
  sc(161, "chroot", F, {path("path")}),
  sc(162, "sync", 0, {}),
  sc(163, "acct", F, {path("filename")}),
  sc(164, "settimeofday", K, {a("tv", T::Timeval), ptr("tz")}),
  sc(165, "mount", F, {str("source"), path("target"), str("filesystemtype"), xf("mountflags", X::MountFlags, 8), ptr("data")}),
  sc(166, "umount2", F, {path("target"), xf("flags", X::Umount2Flags)}),
  sc(167, "swapon", F, {path("path"), x4("swapflags")}),
  sc(168, "swapoff", F, {path("path")}),
  sc(169, "reboot", 0, {x4("magic"), x4("magic2"), x4("cmd"), ptr("arg")}),
  sc(170, "sethostname", 0, {a("name", T::InBuf, 1), i("len")}),
  sc(171, "setdomainname", 0, {a("name", T::InBuf, 1), i("len")}),
  sc(172, "iopl", 0, {u4("level")}),
  sc(173, "ioperm", 0, {hex("from"), u("num"), i("turn_on")}),
  sc(174, "create_module", 0, {str("name"), u("size")}),
  sc(175, "init_module", 0, {ptr("module_image"), u("len"), str("param_values")}),
  sc(176, "delete_module", 0, {str("name"), x4("flags")}),
  sc(177, "get_kernel_syms", 0, {ptr("table")}),
  sc(178, "query_module", 0, {str("name"), i("which"), ptr("buf"), u("bufsize"), ptr("ret")}),
  sc(179, "quotactl", F, {x4("cmd"), path("special"), i("id"), ptr("addr")}),
  sc(180, "nfsservctl", 0, {i("cmd"), ptr("argp"), ptr("resp")}),
  sc(181, "getpmsg", N, {hex("arg0"), hex("arg1"), hex("arg2"), hex("arg3"), hex("arg4")}),
  sc(182, "putpmsg", N, {hex("arg0"), hex("arg1"), hex("arg2"), hex("arg3"), hex("arg4")}),
  sc(183, "afs_syscall", 0, {hex("arg0"), hex("arg1"), hex("arg2"), hex("arg3"), hex("arg4")}),
  sc(184, "tuxcall", 0, {hex("arg0"), hex("arg1"), hex("arg2")}),
  sc(185, "security", 0, {hex("arg0"), hex("arg1"), hex("arg2")}),
  sc(186, "gettid", 0, {}),
  sc(187, "readahead", D, {fd(), l("offset"), u("count")}),
  sc(188, "setxattr", F, {path("path"), str("name"), a("value", T::InBuf, 3), u("size"), xf("flags", X::XattrFlags)}),
  sc(189, "lsetxattr", F, {path("path"), str("name"), a("value", T::InBuf, 3), u("size"), xf("flags", X::XattrFlags)}),
  sc(190, "fsetxattr", D, {fd(), str("name"), a("value", T::InBuf, 3), u("size"), xf("flags", X::XattrFlags)}),
  sc(191, "getxattr", F, {path("path"), str("name"), a("value", T::OutBuf, 3), u("size")}),
  sc(192, "lgetxattr", F, {path("path"), str("name"), a("value", T::OutBuf, 3), u("size")}),
  sc(193, "fgetxattr", D, {fd(), str("name"), a("value", T::OutBuf, 3), u("size")}),
  sc(194, "listxattr", F, {path("path"), a("list", T::OutBuf, 2), u("size")}),
  sc(195, "llistxattr", F, {path("path"), a("list", T::OutBuf, 2), u("size")}),
  sc(196, "flistxattr", D, {fd(), a("list", T::OutBuf, 2), u("size")}),
  sc(197, "removexattr", F, {path("path"), str("name")}),
  sc(198, "lremovexattr", F, {path("path"), str("name")}),
  sc(199, "fremovexattr", D, {fd(), str("name")}),
  fam(sc(200, "tkill", S|P, {pid("tid"), a("sig", T::Signal, -1, 4)}), {Fam::SignalSend}),
  fam(ret(sc(201, "time", K, {a("tloc", T::TimeOut)}), R::TimeNote), {Fam::ClockRead}),
  fam(sc(202, "futex", 0, {ptr("uaddr"), a("futex_op", T::FutexOp, -1, 4), u4("val"), a("timeout", T::Timespec), ptr("uaddr2"), u4("val3")}), {Fam::Wait}),
  sc(203, "sched_setaffinity", 0, {pid(), u4("cpusetsize"), ptr("mask")}),
  sc(204, "sched_getaffinity", 0, {pid(), u4("cpusetsize"), ptr("mask")}),
  sc(205, "set_thread_area", 0, {ptr("u_info")}),
  sc(206, "io_setup", M, {u4("nr_events"), ptr("ctx_idp")}),
  sc(207, "io_destroy", M, {hex("ctx_id")}),
  sc(208, "io_getevents", 0, {hex("ctx_id"), l("min_nr"), l("nr"), ptr("events"), a("timeout", T::Timespec)}),
  sc(209, "io_submit", 0, {hex("ctx_id"), l("nr"), ptr("iocbpp")}),
  sc(210, "io_cancel", 0, {hex("ctx_id"), ptr("iocb"), ptr("result")}),
  sc(211, "get_thread_area", 0, {ptr("u_info")}),
  sc(212, "lookup_dcookie", 0, {hex("cookie"), ptr("buffer"), u("len")}),
  sc(213, "epoll_create", D, {i("size")}, kFd),
  sc(214, "epoll_ctl_old", 0, {hex("arg0"), hex("arg1"), hex("arg2"), hex("arg3")}),
  sc(215, "epoll_wait_old", 0, {hex("arg0"), hex("arg1"), hex("arg2"), hex("arg3")}),
  sc(216, "remap_file_pages", M, {ptr("addr"), u("size"), a("prot", T::MmapProt), u("pgoff"), a("flags", T::MmapFlags)}),
  sc(217, "getdents64", D, {fd(), a("dirp", T::DirentsOut), u4("count")}),
  sc(218, "set_tid_address", 0, {ptr("tidptr")}),
  sc(219, "restart_syscall", 0, {}),
  sc(220, "semtimedop", I, {i("semid"), a("sops", T::Sembufs, 2), u("nsops"), a("timeout", T::Timespec)}),
  sc(221, "fadvise64", D, {fd(), l("offset"), u("len"), xe("advice", X::Fadvise)}),
  sc(222, "timer_create", 0, {a("clockid", T::ClockId, -1, 4), a("sevp", T::Sigevent), a("timerid", T::IntOut, -1, 4)}),
  sc(223, "timer_settime", 0, {i("timerid"), a("flags", T::TimerFlags, -1, 4), a("new_value", T::Itimerspec), a("old_value", T::ItimerspecOut)}),
  sc(224, "timer_gettime", 0, {i("timerid"), a("curr_value", T::ItimerspecOut)}),
  sc(225, "timer_getoverrun", 0, {i("timerid")}),
  sc(226, "timer_delete", 0, {i("timerid")}),
  sc(227, "clock_settime", K, {a("clockid", T::ClockId, -1, 4), a("tp", T::Timespec)}),
  fam(sc(228, "clock_gettime", K, {a("clockid", T::ClockId, -1, 4), a("tp", T::TimespecOut)}), {Fam::ClockRead}),
  fam(sc(229, "clock_getres", K, {a("clockid", T::ClockId, -1, 4), a("res", T::TimespecOut)}), {Fam::ClockRead}),
  fam(sc(230, "clock_nanosleep", 0, {a("clockid", T::ClockId, -1, 4), a("flags", T::TimerFlags, -1, 4), a("request", T::Timespec), a("remain", T::TimespecOut)}), {Fam::Sleep}),
  sc(231, "exit_group", P, {i("status")}, kNever),
  fam(sc(232, "epoll_wait", D, {fd("epfd"), a("events", T::EpollEventsOut), i("maxevents"), i("timeout")}), {Fam::Poll, Fam::Wait}),
  sc(233, "epoll_ctl", D, {fd("epfd"), a("op", T::EpollOp, -1, 4), fd(), a("event", T::EpollEvent)}),
  fam(sc(234, "tgkill", S|P, {pid("tgid"), pid("tid"), a("sig", T::Signal, -1, 4)}), {Fam::SignalSend}),
  sc(235, "utimes", F, {path("filename"), a("times", T::UtimesTimes)}),
  sc(236, "vserver", 0, {hex("arg0"), hex("arg1"), hex("arg2"), hex("arg3"), hex("arg4")}),
  sc(237, "mbind", M, {ptr("addr"), u("len"), hex("mode"), ptr("nodemask"), u("maxnode"), x4("flags")}),
  sc(238, "set_mempolicy", M, {i("mode"), ptr("nodemask"), u("maxnode")}),
  sc(239, "get_mempolicy", M, {ptr("mode"), ptr("nodemask"), u("maxnode"), ptr("addr"), hex("flags")}),
  sc(240, "mq_open", D, {str("name"), a("oflag", T::OpenFlags, -1, 4), when(a("mode", T::Mode, -1, 4), C::IfCreat), when(a("attr", T::MqAttr), C::IfCreat)}, kFd),
  sc(241, "mq_unlink", 0, {str("name")}),
  sc(242, "mq_timedsend", D, {fd("mqdes"), a("msg_ptr", T::InBuf, 2), u("msg_len"), u4("msg_prio"), a("abs_timeout", T::Timespec)}),
  sc(243, "mq_timedreceive", D, {fd("mqdes"), a("msg_ptr", T::OutBuf, 2), u("msg_len"), a("msg_prio", T::IntOut, -1, 4), a("abs_timeout", T::Timespec)}),
  sc(244, "mq_notify", D, {fd("mqdes"), a("sevp", T::Sigevent)}),
  sc(245, "mq_getsetattr", D, {fd("mqdes"), a("newattr", T::MqAttr), a("oldattr", T::MqAttrOut)}),
  sc(246, "kexec_load", 0, {hex("entry"), u("nr_segments"), ptr("segments"), hex("flags")}),
  fam(sc(247, "waitid", P, {a("idtype", T::IdType, -1, 4), pid("id"), a("infop", T::SiginfoOut), a("options", T::WaitOptions, -1, 4), a("rusage", T::RusageOut)}), {Fam::ChildWait, Fam::Wait}),
  sc(248, "add_key", 0, {str("type"), str("description"), a("payload", T::InBuf, 3), u("plen"), a("keyring", T::KeySerial, -1, 4)}),
  sc(249, "request_key", 0, {str("type"), str("description"), str("callout_info"), a("dest_keyring", T::KeySerial, -1, 4)}),
  sc(250, "keyctl", 0, {xe("operation", X::KeyctlCommands), hex("arg2"), hex("arg3"), hex("arg4"), hex("arg5")}),
  sc(251, "ioprio_set", 0, {xe("which", X::IoprioWho), i("who"), xe("ioprio", X::IoprioValue)}),
  ret(sc(252, "ioprio_get", 0, {xe("which", X::IoprioWho), i("who")}), R::XEnumNote, X::IoprioValue),
  sc(253, "inotify_init", D, {}, kFd),
  sc(254, "inotify_add_watch", D|F, {fd(), path(), xf("mask", X::InotifyMask)}),
  sc(255, "inotify_rm_watch", D, {fd(), i("wd")}),
  sc(256, "migrate_pages", M, {pid(), u("maxnode"), ptr("old_nodes"), ptr("new_nodes")}),
  fam(sc(257, "openat", D|F, {dirfd(), path(), a("flags", T::OpenFlags, -1, 4), when(a("mode", T::Mode, -1, 4), C::IfCreat)}, kFd), {Fam::Open}),
  sc(258, "mkdirat", D|F, {dirfd(), path(), a("mode", T::Mode, -1, 4)}),
  sc(259, "mknodat", D|F, {dirfd(), path(), a("mode", T::Mode, -1, 4), when(x4("dev"), C::IfDevice)}),
  sc(260, "fchownat", D|F, {dirfd(), path(), a("owner", T::Uid), a("group", T::Uid), a("flags", T::AtFlags, -1, 4)}),
  sc(261, "futimesat", D|F, {dirfd(), path(), a("times", T::UtimesTimes)}),
  sc(262, "newfstatat", D|F|ST, {dirfd(), path(), a("statbuf", T::StatOut), a("flags", T::AtFlags, -1, 4)}),
  sc(263, "unlinkat", D|F, {dirfd(), path(), a("flags", T::UnlinkatFlags, -1, 4)}),
  sc(264, "renameat", D|F, {dirfd("olddirfd"), path("oldpath"), dirfd("newdirfd"), path("newpath")}),
  sc(265, "linkat", D|F, {dirfd("olddirfd"), path("oldpath"), dirfd("newdirfd"), path("newpath"), a("flags", T::AtFlags, -1, 4)}),
  sc(266, "symlinkat", D|F, {str("target"), dirfd("newdirfd"), path("linkpath")}),
  sc(267, "readlinkat", D|F, {dirfd(), path(), a("buf", T::OutBuf, 3), i("bufsiz")}),
  sc(268, "fchmodat", D|F, {dirfd(), path(), a("mode", T::Mode, -1, 4)}),
  sc(269, "faccessat", D|F, {dirfd(), path(), a("mode", T::AccessMode, -1, 4)}),
  fam(ret(sc(270, "pselect6", D, {i("nfds"), a("readfds", T::FdSet, 0), a("writefds", T::FdSet, 0), a("exceptfds", T::FdSet, 0), a("timeout", T::Timespec), a("sigmask", T::PselectSigmask)}), R::Stored), {Fam::Poll, Fam::Wait}),
  fam(ret(sc(271, "ppoll", D, {a("fds", T::PollFds, 1), u4("nfds"), a("tmo_p", T::Timespec), a("sigmask", T::Sigset, 4), u("sigsetsize")}), R::Stored), {Fam::Poll, Fam::Wait}),
  sc(272, "unshare", 0, {a("flags", T::NsFlags)}),
  sc(273, "set_robust_list", 0, {ptr("head"), u("len")}),
  sc(274, "get_robust_list", 0, {pid(), ptr("head_ptr"), ptr("len_ptr")}),
  fam(sc(275, "splice", D, {fd("fd_in"), a("off_in", T::OffsetPtr), fd("fd_out"), a("off_out", T::OffsetPtr), u("len"), xf("flags", X::SpliceFlags)}), {Fam::Copy, Fam::Splice}),
  fam(sc(276, "tee", D, {fd("fd_in"), fd("fd_out"), u("len"), xf("flags", X::SpliceFlags)}), {Fam::Copy, Fam::Splice}),
  sc(277, "sync_file_range", D, {fd(), l("offset"), l("nbytes"), x4("flags")}),
  fam(sc(278, "vmsplice", D, {fd(), ptr("iov"), u("nr_segs"), xf("flags", X::SpliceFlags)}), {Fam::Vectored, Fam::Splice}),
  sc(279, "move_pages", M, {pid(), u("count"), ptr("pages"), ptr("nodes"), ptr("status"), x4("flags")}),
  sc(280, "utimensat", D|F, {dirfd(), path(), a("times", T::UtimensTimes), a("flags", T::AtFlags, -1, 4)}),
  fam(sc(281, "epoll_pwait", D, {fd("epfd"), a("events", T::EpollEventsOut), i("maxevents"), i("timeout"), a("sigmask", T::Sigset, 5), u("sigsetsize")}), {Fam::Poll, Fam::Wait}),
  sc(282, "signalfd", D|S, {fd(), a("mask", T::Sigset, 2), u("sizemask")}, kFd),
  sc(283, "timerfd_create", D, {a("clockid", T::ClockId, -1, 4), xf("flags", X::TfdFlags)}, kFd),
  sc(284, "eventfd", D, {u4("initval")}, kFd),
  sc(285, "fallocate", D, {fd(), xf("mode", X::FallocFlags), l("offset"), l("len")}),
  sc(286, "timerfd_settime", D, {fd(), xf("flags", X::TfdSettimeFlags), a("new_value", T::Itimerspec), a("old_value", T::ItimerspecOut)}),
  sc(287, "timerfd_gettime", D, {fd(), a("curr_value", T::ItimerspecOut)}),
  fam(sc(288, "accept4", N, {fd("sockfd"), a("addr", T::SockaddrOut, 2), a("addrlen", T::SockLen), a("flags", T::SockFlags, -1, 4)}, kFd), {Fam::Accept}),
  sc(289, "signalfd4", D|S, {fd(), a("mask", T::Sigset, 2), u("sizemask"), xf("flags", X::SfdFlags)}, kFd),
  sc(290, "eventfd2", D, {u4("initval"), a("flags", T::EventfdFlags, -1, 4)}, kFd),
  sc(291, "epoll_create1", D, {a("flags", T::EpollFlags, -1, 4)}, kFd),
  fam(sc(292, "dup3", D, {fd("oldfd"), fd("newfd"), a("flags", T::PipeFlags, -1, 4)}, kFd), {Fam::Dup}),
  fam(sc(293, "pipe2", D, {a("pipefd", T::FdPairOut), a("flags", T::PipeFlags, -1, 4)}), {Fam::Pipe}),
  sc(294, "inotify_init1", D, {xf("flags", X::InotifyInitFlags)}, kFd),
  fam(sc(295, "preadv", D, {fd(), a("iov", T::OutIovec, 2), u("iovcnt"), l("pos_l"), when(hex("pos_h"), C::Never)}), {Fam::Read, Fam::Positional, Fam::Vectored}),
  fam(sc(296, "pwritev", D, {fd(), a("iov", T::InIovec, 2), u("iovcnt"), l("pos_l"), when(hex("pos_h"), C::Never)}), {Fam::Write, Fam::Positional, Fam::Vectored}),
  fam(sc(297, "rt_tgsigqueueinfo", S|P, {pid("tgid"), pid("tid"), a("sig", T::Signal, -1, 4), a("info", T::Siginfo)}), {Fam::SignalSend}),
  sc(298, "perf_event_open", D, {a("attr", T::PerfAttr), pid(), i("cpu"), fd("group_fd"), xf("flags", X::PerfOpenFlags, 8)}, kFd),
  fam(sc(299, "recvmmsg", N, {fd("sockfd"), ptr("msgvec"), u4("vlen"), a("flags", T::MsgFlags, -1, 4), a("timeout", T::Timespec)}), {Fam::Receive, Fam::MultiMessage}),
  sc(300, "fanotify_init", D, {xf("flags", X::FanInitFlags), a("event_f_flags", T::OpenFlags, -1, 4)}, kFd),
  sc(301, "fanotify_mark", D|F, {fd("fanotify_fd"), x4("flags"), hex("mask"), dirfd(), path()}),
  sc(302, "prlimit64", 0, {pid(), xe("resource", X::Resources), a("new_limit", T::Rlimit), a("old_limit", T::RlimitOut)}),
  sc(303, "name_to_handle_at", D|F, {dirfd(), path(), ptr("handle"), ptr("mount_id"), a("flags", T::AtFlags, -1, 4)}),
  sc(304, "open_by_handle_at", D, {fd("mount_fd"), ptr("handle"), a("flags", T::OpenFlags, -1, 4)}, kFd),
  sc(305, "clock_adjtime", K, {a("clockid", T::ClockId, -1, 4), ptr("buf")}),
  sc(306, "syncfs", D, {fd()}),
  fam(sc(307, "sendmmsg", N, {fd("sockfd"), ptr("msgvec"), u4("vlen"), a("flags", T::MsgFlags, -1, 4)}), {Fam::Send, Fam::MultiMessage}),
  sc(308, "setns", D, {fd(), a("nstype", T::NsFlags, -1, 4)}),
  sc(309, "getcpu", 0, {a("cpu", T::IntOut, -1, 4), a("node", T::IntOut, -1, 4), ptr("tcache")}),
  sc(310, "process_vm_readv", 0, {pid(), ptr("local_iov"), u("liovcnt"), ptr("remote_iov"), u("riovcnt"), hex("flags")}),
  sc(311, "process_vm_writev", 0, {pid(), ptr("local_iov"), u("liovcnt"), ptr("remote_iov"), u("riovcnt"), hex("flags")}),
  sc(312, "kcmp", 0, {pid("pid1"), pid("pid2"), i("type"), hex("idx1"), hex("idx2")}),
  sc(313, "finit_module", D, {fd(), str("param_values"), x4("flags")}),
  sc(314, "sched_setattr", 0, {pid(), ptr("attr"), x4("flags")}),
  sc(315, "sched_getattr", 0, {pid(), ptr("attr"), u4("size"), x4("flags")}),
  sc(316, "renameat2", D|F, {dirfd("olddirfd"), path("oldpath"), dirfd("newdirfd"), path("newpath"), a("flags", T::RenameFlags, -1, 4)}),
  sc(317, "seccomp", 0, {cmd("operation", X::SeccompOps), x4("flags"), ptr("args")}),
  sc(318, "getrandom", 0, {a("buf", T::RandomOut), u("buflen"), xf("flags", X::GetrandomFlags)}),
  sc(319, "memfd_create", D, {str("name"), a("flags", T::MemfdFlags, -1, 4)}, kFd),
  sc(320, "kexec_file_load", D, {fd("kernel_fd"), fd("initrd_fd"), u("cmdline_len"), str("cmdline"), hex("flags")}),
  sc(321, "bpf", D, {cmd("cmd", X::BpfCommands), ptr("attr"), u4("size")}),
  fam(sc(322, "execveat", D|F|P, {dirfd(), path(), a("argv", T::Argv), a("envp", T::Envp), a("flags", T::AtFlags, -1, 4)}), {Fam::Exec}),
  sc(323, "userfaultfd", D, {xf("flags", X::UffdFlags)}, kFd),
  ret(sc(324, "membarrier", 0, {xe("cmd", X::Membarrier), xf("flags", X::MembarrierFlags), when(i("cpu_id"), C::IfMembarrierCpu)}), R::Stored),
  sc(325, "mlock2", M, {ptr("addr"), u("len"), xf("flags", X::MlockFlags)}),
  fam(sc(326, "copy_file_range", D, {fd("fd_in"), a("off_in", T::Int64In), fd("fd_out"), a("off_out", T::Int64In), u("len"), x4("flags")}), {Fam::Copy}),
  fam(sc(327, "preadv2", D, {fd(), a("iov", T::OutIovec, 2), u("iovcnt"), l("pos_l"), when(hex("pos_h"), C::Never), x4("flags")}), {Fam::Read, Fam::Positional, Fam::Vectored}),
  fam(sc(328, "pwritev2", D, {fd(), a("iov", T::InIovec, 2), u("iovcnt"), l("pos_l"), when(hex("pos_h"), C::Never), x4("flags")}), {Fam::Write, Fam::Positional, Fam::Vectored}),
  sc(329, "pkey_mprotect", M, {ptr("addr"), u("len"), a("prot", T::MmapProt), i("pkey")}),
  sc(330, "pkey_alloc", 0, {hex("flags"), hex("access_rights")}),
  sc(331, "pkey_free", 0, {i("pkey")}),
  sc(332, "statx", D|F|ST, {dirfd(), path(), a("flags", T::AtFlags, -1, 4), xf("mask", X::StatxMasks), a("statxbuf", T::StatxOut)}),
  sc(333, "io_pgetevents", 0, {hex("ctx_id"), l("min_nr"), l("nr"), ptr("events"), a("timeout", T::Timespec), ptr("usig")}),
  sc(334, "rseq", 0, {ptr("rseq"), x4("rseq_len"), xf("flags", X::RseqFlags), x4("sig")}),
  // The uprobe trampolines' own calls (Linux 6.11, 6.16): outside a trampoline the
  // kernel answers SIGILL/ENXIO. Newer than glibc 2.36's headers.
  sc(335, "uretprobe", 0, {}),
  sc(336, "uprobe", 0, {}),
  // 337..423 are reserved on x86-64 to keep the numbers below in sync with other arches.
  fam(sc(424, "pidfd_send_signal", D|S|P, {fd("pidfd"), a("sig", T::Signal, -1, 4), a("info", T::Siginfo), x4("flags")}), {Fam::SignalSend}),
  sc(425, "io_uring_setup", D, {u4("entries"), ptr("p")}, kFd),
  sc(426, "io_uring_enter", D|S, {fd(), u4("to_submit"), u4("min_complete"), x4("flags"), ptr("arg"), u("argsz")}),
  sc(427, "io_uring_register", D|M, {fd(), u4("opcode"), ptr("arg"), u4("nr_args")}),
  sc(428, "open_tree", D|F, {dirfd(), path(), x4("flags")}, kFd),
  sc(429, "move_mount", D|F, {dirfd("from_dirfd"), path("from_pathname"), dirfd("to_dirfd"), path("to_pathname"), x4("flags")}),
  sc(430, "fsopen", D, {str("fsname"), x4("flags")}, kFd),
  sc(431, "fsconfig", D|F, {fd(), u4("cmd"), str("key"), ptr("value"), i("aux")}),
  sc(432, "fsmount", D, {fd("fsfd"), x4("flags"), x4("attr_flags")}, kFd),
  sc(433, "fspick", D|F, {dirfd(), path(), x4("flags")}, kFd),
  sc(434, "pidfd_open", D, {pid(), xf("flags", X::PidfdOpenFlags)}, kFd),
  fam(sc(435, "clone3", P, {a("cl_args", T::CloneArgs, 1), u("size")}), {Fam::Spawn}),
  sc(436, "close_range", 0, {u4("first"), u4("last"), xf("flags", X::CloseRangeFlags)}),
  fam(sc(437, "openat2", D|F, {dirfd(), path(), a("how", T::OpenHow, 3), u("size")}, kFd), {Fam::Open}),
  sc(438, "pidfd_getfd", D, {fd("pidfd"), i("targetfd"), x4("flags")}, kFd),
  sc(439, "faccessat2", D|F, {dirfd(), path(), a("mode", T::AccessMode, -1, 4), a("flags", T::AccessAtFlags, -1, 4)}),
  sc(440, "process_madvise", D, {fd("pidfd"), ptr("iovec"), u("vlen"), xe("advice", X::Madvise), x4("flags")}),
  fam(sc(441, "epoll_pwait2", D, {fd("epfd"), a("events", T::EpollEventsOut), i("maxevents"), a("timeout", T::Timespec), a("sigmask", T::Sigset, 5), u("sigsetsize")}), {Fam::Poll, Fam::Wait}),
  sc(442, "mount_setattr", D|F, {dirfd(), path(), a("flags", T::AtFlags, -1, 4), ptr("attr"), u("size")}),
  sc(443, "quotactl_fd", D, {fd(), x4("cmd"), i("id"), ptr("addr")}),
  sc(444, "landlock_create_ruleset", D, {ptr("attr"), u("size"), x4("flags")}, kFd),
  sc(445, "landlock_add_rule", D, {fd("ruleset_fd"), i("rule_type"), ptr("rule_attr"), x4("flags")}),
  sc(446, "landlock_restrict_self", D, {fd("ruleset_fd"), x4("flags")}),
  sc(447, "memfd_secret", D, {x4("flags")}, kFd),
  sc(448, "process_mrelease", D, {fd("pidfd"), x4("flags")}),
  sc(449, "futex_waitv", 0, {ptr("waiters"), u4("nr_futexes"), x4("flags"), a("timeout", T::Timespec), a("clockid", T::ClockId, -1, 4)}),
  sc(450, "set_mempolicy_home_node", M, {ptr("start"), u("len"), u("home_node"), hex("flags")}),
  sc(451, "cachestat", D, {fd(), ptr("cstat_range"), ptr("cstat"), x4("flags")}),
  sc(452, "fchmodat2", D|F, {dirfd(), path(), a("mode", T::Mode, -1, 4), a("flags", T::AtFlags, -1, 4)}),
  sc(453, "map_shadow_stack", M, {ptr("addr"), u("size"), x4("flags")}, kAddr),
  sc(454, "futex_wake", 0, {ptr("uaddr"), hex("mask"), i("nr"), x4("flags")}),
  sc(455, "futex_wait", 0, {ptr("uaddr"), hex("val"), hex("mask"), x4("flags"), a("timeout", T::Timespec), a("clockid", T::ClockId, -1, 4)}),
  sc(456, "futex_requeue", 0, {ptr("waiters"), x4("flags"), i("nr_wake"), i("nr_requeue")}),
  sc(457, "statmount", 0, {ptr("req"), ptr("buf"), u("bufsize"), hex("flags")}),
  sc(458, "listmount", 0, {ptr("req"), ptr("mnt_ids"), u("nr_mnt_ids"), hex("flags")}),
  sc(459, "lsm_get_self_attr", 0, {u4("attr"), ptr("ctx"), ptr("size"), x4("flags")}),
  sc(460, "lsm_set_self_attr", 0, {u4("attr"), ptr("ctx"), u4("size"), x4("flags")}),
  sc(461, "lsm_list_modules", 0, {ptr("ids"), ptr("size"), x4("flags")}),
  sc(462, "mseal", M, {ptr("addr"), u("len"), hex("flags")}),
  sc(463, "setxattrat", D|F, {dirfd(), path(), a("at_flags", T::AtFlags, -1, 4), str("name"), ptr("uargs"), u("usize")}),
  sc(464, "getxattrat", D|F, {dirfd(), path(), a("at_flags", T::AtFlags, -1, 4), str("name"), ptr("uargs"), u("usize")}),
  sc(465, "listxattrat", D|F, {dirfd(), path(), a("at_flags", T::AtFlags, -1, 4), a("list", T::OutBuf, 4), u("size")}),
  sc(466, "removexattrat", D|F, {dirfd(), path(), a("at_flags", T::AtFlags, -1, 4), str("name")}),
  sc(467, "open_tree_attr", D|F, {dirfd(), path(), x4("flags"), ptr("uattr"), u("usize")}, kFd),
  sc(468, "file_getattr", D|F, {dirfd(), path(), ptr("ufattr"), u("usize"), a("at_flags", T::AtFlags, -1, 4)}),
  sc(469, "file_setattr", D|F, {dirfd(), path(), ptr("ufattr"), u("usize"), a("at_flags", T::AtFlags, -1, 4)}),
  // Linux 6.19 (this machine's kernel has them; strace 6.1 and glibc 2.36 do not).
  sc(470, "listns", 0, {ptr("req"), ptr("ns_ids"), u("nr_ns_ids"), x4("flags")}),
  sc(471, "rseq_slice_yield", 0, {}),
};
// clang-format on

constexpr bool sorted_and_consistent() {
  int prev = -1;
  for (const SyscallInfo& s : kTable) {
    if (s.nr <= prev) return false;
    prev = s.nr;
    for (std::size_t k = 0; k < s.nargs; ++k) {
      const int len = s.args[k].len_arg;
      if (len >= static_cast<int>(s.nargs) || len == static_cast<int>(k)) return false;
    }
  }
  return true;
}
static_assert(sorted_and_consistent(), "syscall table must be sorted by number with valid len_arg");

}  // namespace

std::span<const SyscallInfo> syscall_table_data() { return kTable; }

}  // namespace golden::detail
