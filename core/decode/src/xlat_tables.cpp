// Constant tables (x86-64 Linux ABI values). In flag tables, multi-bit entries come
// before the bits they contain so flags_text() names them first (O_SYNC before O_DSYNC).
#include "xlat_tables.hpp"

namespace golden::detail::xlat {
namespace {

// clang-format off
constexpr Xlat kOpenAccess[] = {{0, "O_RDONLY"}, {1, "O_WRONLY"}, {2, "O_RDWR"}, {3, "O_ACCMODE"}};
constexpr Xlat kResolveFlags[] = {
  {0x01, "RESOLVE_NO_XDEV"}, {0x02, "RESOLVE_NO_MAGICLINKS"}, {0x04, "RESOLVE_NO_SYMLINKS"},
  {0x08, "RESOLVE_BENEATH"}, {0x10, "RESOLVE_IN_ROOT"}, {0x20, "RESOLVE_CACHED"},
};
constexpr Xlat kFileTypes[] = {
  {0140000, "S_IFSOCK"}, {0120000, "S_IFLNK"}, {0100000, "S_IFREG"}, {060000, "S_IFBLK"},
  {040000, "S_IFDIR"}, {020000, "S_IFCHR"}, {010000, "S_IFIFO"},
};
constexpr Xlat kUnlinkatFlags[] = {{0x200, "AT_REMOVEDIR"}};
constexpr Xlat kAccessatFlags[] = {
  {0x100, "AT_SYMLINK_NOFOLLOW"}, {0x200, "AT_EACCESS"}, {0x1000, "AT_EMPTY_PATH"},
};
constexpr Xlat kAccessMode[] = {{4, "R_OK"}, {2, "W_OK"}, {1, "X_OK"}};
constexpr Xlat kMmapProt[] = {
  {1, "PROT_READ"}, {2, "PROT_WRITE"}, {4, "PROT_EXEC"}, {8, "PROT_SEM"},
  {0x01000000, "PROT_GROWSDOWN"}, {0x02000000, "PROT_GROWSUP"},
};
constexpr Xlat kMmapType[] = {{1, "MAP_SHARED"}, {2, "MAP_PRIVATE"}, {3, "MAP_SHARED_VALIDATE"}};
constexpr Xlat kMmapFlags[] = {
  {0x10, "MAP_FIXED"}, {0x20, "MAP_ANONYMOUS"}, {0x40, "MAP_32BIT"}, {0x100, "MAP_GROWSDOWN"},
  {0x800, "MAP_DENYWRITE"}, {0x1000, "MAP_EXECUTABLE"}, {0x2000, "MAP_LOCKED"},
  {0x4000, "MAP_NORESERVE"}, {0x8000, "MAP_POPULATE"}, {0x10000, "MAP_NONBLOCK"},
  {0x20000, "MAP_STACK"}, {0x40000, "MAP_HUGETLB"}, {0x80000, "MAP_SYNC"},
  {0x100000, "MAP_FIXED_NOREPLACE"}, {0x4000000, "MAP_UNINITIALIZED"},
};
constexpr Xlat kMremapFlags[] = {{1, "MREMAP_MAYMOVE"}, {2, "MREMAP_FIXED"}, {4, "MREMAP_DONTUNMAP"}};
constexpr Xlat kCloneFlags[] = {
  {0x100, "CLONE_VM"}, {0x200, "CLONE_FS"}, {0x400, "CLONE_FILES"}, {0x800, "CLONE_SIGHAND"},
  {0x1000, "CLONE_PIDFD"}, {0x2000, "CLONE_PTRACE"}, {0x4000, "CLONE_VFORK"},
  {0x8000, "CLONE_PARENT"}, {0x10000, "CLONE_THREAD"}, {0x20000, "CLONE_NEWNS"},
  {0x40000, "CLONE_SYSVSEM"}, {0x80000, "CLONE_SETTLS"}, {0x100000, "CLONE_PARENT_SETTID"},
  {0x200000, "CLONE_CHILD_CLEARTID"}, {0x400000, "CLONE_DETACHED"}, {0x800000, "CLONE_UNTRACED"},
  {0x1000000, "CLONE_CHILD_SETTID"}, {0x2000000, "CLONE_NEWCGROUP"}, {0x4000000, "CLONE_NEWUTS"},
  {0x8000000, "CLONE_NEWIPC"}, {0x10000000, "CLONE_NEWUSER"}, {0x20000000, "CLONE_NEWPID"},
  {0x40000000, "CLONE_NEWNET"}, {0x80000000, "CLONE_IO"}, {0x100000000, "CLONE_CLEAR_SIGHAND"},
  {0x200000000, "CLONE_INTO_CGROUP"},
};
// unshare/setns take CLONE_NEWTIME in the byte that clone() uses for the exit signal.
constexpr Xlat kNsFlags[] = {
  {0x80, "CLONE_NEWTIME"}, {0x200, "CLONE_FS"}, {0x400, "CLONE_FILES"}, {0x20000, "CLONE_NEWNS"},
  {0x40000, "CLONE_SYSVSEM"}, {0x2000000, "CLONE_NEWCGROUP"}, {0x4000000, "CLONE_NEWUTS"},
  {0x8000000, "CLONE_NEWIPC"}, {0x10000000, "CLONE_NEWUSER"}, {0x20000000, "CLONE_NEWPID"},
  {0x40000000, "CLONE_NEWNET"},
};
constexpr Xlat kSockDomains[] = {
  {0, "AF_UNSPEC"}, {1, "AF_UNIX"}, {2, "AF_INET"}, {3, "AF_AX25"}, {4, "AF_IPX"},
  {5, "AF_APPLETALK"}, {6, "AF_NETROM"}, {7, "AF_BRIDGE"}, {8, "AF_ATMPVC"}, {9, "AF_X25"},
  {10, "AF_INET6"}, {11, "AF_ROSE"}, {12, "AF_DECnet"}, {13, "AF_NETBEUI"}, {14, "AF_SECURITY"},
  {15, "AF_KEY"}, {16, "AF_NETLINK"}, {17, "AF_PACKET"}, {18, "AF_ASH"}, {19, "AF_ECONET"},
  {20, "AF_ATMSVC"}, {21, "AF_RDS"}, {22, "AF_SNA"}, {23, "AF_IRDA"}, {24, "AF_PPPOX"},
  {25, "AF_WANPIPE"}, {26, "AF_LLC"}, {27, "AF_IB"}, {28, "AF_MPLS"}, {29, "AF_CAN"},
  {30, "AF_TIPC"}, {31, "AF_BLUETOOTH"}, {32, "AF_IUCV"}, {33, "AF_RXRPC"}, {34, "AF_ISDN"},
  {35, "AF_PHONET"}, {36, "AF_IEEE802154"}, {37, "AF_CAIF"}, {38, "AF_ALG"}, {39, "AF_NFC"},
  {40, "AF_VSOCK"}, {41, "AF_KCM"}, {42, "AF_QIPCRTR"}, {43, "AF_SMC"}, {44, "AF_XDP"},
  {45, "AF_MCTP"},
};
constexpr Xlat kSockTypes[] = {
  {1, "SOCK_STREAM"}, {2, "SOCK_DGRAM"}, {3, "SOCK_RAW"}, {4, "SOCK_RDM"},
  {5, "SOCK_SEQPACKET"}, {6, "SOCK_DCCP"}, {10, "SOCK_PACKET"},
};
constexpr Xlat kSockTypeFlags[] = {{02000000, "SOCK_CLOEXEC"}, {04000, "SOCK_NONBLOCK"}};
constexpr Xlat kInetProtocols[] = {
  {0, "IPPROTO_IP"}, {1, "IPPROTO_ICMP"}, {2, "IPPROTO_IGMP"}, {4, "IPPROTO_IPIP"},
  {6, "IPPROTO_TCP"}, {17, "IPPROTO_UDP"}, {41, "IPPROTO_IPV6"}, {47, "IPPROTO_GRE"},
  {50, "IPPROTO_ESP"}, {51, "IPPROTO_AH"}, {58, "IPPROTO_ICMPV6"}, {132, "IPPROTO_SCTP"},
  {136, "IPPROTO_UDPLITE"}, {255, "IPPROTO_RAW"}, {262, "IPPROTO_MPTCP"},
};
constexpr Xlat kNetlinkProtocols[] = {
  {0, "NETLINK_ROUTE"}, {1, "NETLINK_UNUSED"}, {2, "NETLINK_USERSOCK"}, {3, "NETLINK_FIREWALL"},
  {4, "NETLINK_SOCK_DIAG"}, {5, "NETLINK_NFLOG"}, {6, "NETLINK_XFRM"}, {7, "NETLINK_SELINUX"},
  {8, "NETLINK_ISCSI"}, {9, "NETLINK_AUDIT"}, {10, "NETLINK_FIB_LOOKUP"},
  {11, "NETLINK_CONNECTOR"}, {12, "NETLINK_NETFILTER"}, {13, "NETLINK_IP6_FW"},
  {14, "NETLINK_DNRTMSG"}, {15, "NETLINK_KOBJECT_UEVENT"}, {16, "NETLINK_GENERIC"},
  {18, "NETLINK_SCSITRANSPORT"}, {19, "NETLINK_ECRYPTFS"}, {20, "NETLINK_RDMA"},
  {21, "NETLINK_CRYPTO"}, {22, "NETLINK_SMC"},
};
constexpr Xlat kFcntlCmds[] = {
  {0, "F_DUPFD"}, {1, "F_GETFD"}, {2, "F_SETFD"}, {3, "F_GETFL"}, {4, "F_SETFL"},
  {5, "F_GETLK"}, {6, "F_SETLK"}, {7, "F_SETLKW"}, {8, "F_SETOWN"}, {9, "F_GETOWN"},
  {10, "F_SETSIG"}, {11, "F_GETSIG"}, {15, "F_SETOWN_EX"}, {16, "F_GETOWN_EX"},
  {17, "F_GETOWNER_UIDS"}, {36, "F_OFD_GETLK"}, {37, "F_OFD_SETLK"}, {38, "F_OFD_SETLKW"},
  {1024, "F_SETLEASE"}, {1025, "F_GETLEASE"}, {1026, "F_NOTIFY"}, {1027, "F_DUPFD_QUERY"},
  {1028, "F_CREATED_QUERY"}, {1029, "F_CANCELLK"}, {1030, "F_DUPFD_CLOEXEC"},
  {1031, "F_SETPIPE_SZ"}, {1032, "F_GETPIPE_SZ"}, {1033, "F_ADD_SEALS"}, {1034, "F_GET_SEALS"},
  {1035, "F_GET_RW_HINT"}, {1036, "F_SET_RW_HINT"}, {1037, "F_GET_FILE_RW_HINT"},
  {1038, "F_SET_FILE_RW_HINT"},
};
constexpr Xlat kFdFlags[] = {{1, "FD_CLOEXEC"}};
constexpr Xlat kSealFlags[] = {
  {1, "F_SEAL_SEAL"}, {2, "F_SEAL_SHRINK"}, {4, "F_SEAL_GROW"}, {8, "F_SEAL_WRITE"},
  {0x10, "F_SEAL_FUTURE_WRITE"}, {0x20, "F_SEAL_EXEC"},
};
constexpr Xlat kLockTypes[] = {{0, "F_RDLCK"}, {1, "F_WRLCK"}, {2, "F_UNLCK"}};
constexpr Xlat kWhence[] = {
  {0, "SEEK_SET"}, {1, "SEEK_CUR"}, {2, "SEEK_END"}, {3, "SEEK_DATA"}, {4, "SEEK_HOLE"},
};
constexpr Xlat kSigHow[] = {{0, "SIG_BLOCK"}, {1, "SIG_UNBLOCK"}, {2, "SIG_SETMASK"}};
constexpr Xlat kShutdownHow[] = {{0, "SHUT_RD"}, {1, "SHUT_WR"}, {2, "SHUT_RDWR"}};
constexpr Xlat kEpollOps[] = {{1, "EPOLL_CTL_ADD"}, {2, "EPOLL_CTL_DEL"}, {3, "EPOLL_CTL_MOD"}};
constexpr Xlat kEpollFlags[] = {{02000000, "EPOLL_CLOEXEC"}};
constexpr Xlat kPipeFlags[] = {
  {0200, "O_NOTIFICATION_PIPE"}, {04000, "O_NONBLOCK"}, {040000, "O_DIRECT"}, {02000000, "O_CLOEXEC"},
};
constexpr Xlat kSockFlags[] = {{02000000, "SOCK_CLOEXEC"}, {04000, "SOCK_NONBLOCK"}};
constexpr Xlat kMemfdFlags[] = {
  {1, "MFD_CLOEXEC"}, {2, "MFD_ALLOW_SEALING"}, {4, "MFD_HUGETLB"}, {8, "MFD_NOEXEC_SEAL"},
  {0x10, "MFD_EXEC"},
};
constexpr Xlat kRenameFlags[] = {{1, "RENAME_NOREPLACE"}, {2, "RENAME_EXCHANGE"}, {4, "RENAME_WHITEOUT"}};
constexpr Xlat kFutexCmds[] = {
  {0, "FUTEX_WAIT"}, {1, "FUTEX_WAKE"}, {2, "FUTEX_FD"}, {3, "FUTEX_REQUEUE"},
  {4, "FUTEX_CMP_REQUEUE"}, {5, "FUTEX_WAKE_OP"}, {6, "FUTEX_LOCK_PI"}, {7, "FUTEX_UNLOCK_PI"},
  {8, "FUTEX_TRYLOCK_PI"}, {9, "FUTEX_WAIT_BITSET"}, {10, "FUTEX_WAKE_BITSET"},
  {11, "FUTEX_WAIT_REQUEUE_PI"}, {12, "FUTEX_CMP_REQUEUE_PI"}, {13, "FUTEX_LOCK_PI2"},
};
constexpr Xlat kClockIds[] = {
  {0, "CLOCK_REALTIME"}, {1, "CLOCK_MONOTONIC"}, {2, "CLOCK_PROCESS_CPUTIME_ID"},
  {3, "CLOCK_THREAD_CPUTIME_ID"}, {4, "CLOCK_MONOTONIC_RAW"}, {5, "CLOCK_REALTIME_COARSE"},
  {6, "CLOCK_MONOTONIC_COARSE"}, {7, "CLOCK_BOOTTIME"}, {8, "CLOCK_REALTIME_ALARM"},
  {9, "CLOCK_BOOTTIME_ALARM"}, {11, "CLOCK_TAI"},
};
constexpr Xlat kTimerFlags[] = {{1, "TIMER_ABSTIME"}};
constexpr Xlat kFlockOps[] = {{1, "LOCK_SH"}, {2, "LOCK_EX"}, {4, "LOCK_NB"}, {8, "LOCK_UN"}, {32, "LOCK_MAND"}};
constexpr Xlat kIdTypes[] = {{0, "P_ALL"}, {1, "P_PID"}, {2, "P_PGID"}, {3, "P_PIDFD"}};
constexpr Xlat kArchPrctlCodes[] = {
  {0x1001, "ARCH_SET_GS"}, {0x1002, "ARCH_SET_FS"}, {0x1003, "ARCH_GET_FS"},
  {0x1004, "ARCH_GET_GS"}, {0x1011, "ARCH_GET_CPUID"}, {0x1012, "ARCH_SET_CPUID"},
  {0x1021, "ARCH_GET_XCOMP_SUPP"}, {0x1022, "ARCH_GET_XCOMP_PERM"},
  {0x1023, "ARCH_REQ_XCOMP_PERM"}, {0x1024, "ARCH_GET_XCOMP_GUEST_PERM"},
  {0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"}, {0x2001, "ARCH_MAP_VDSO_X32"},
  {0x2002, "ARCH_MAP_VDSO_32"}, {0x2003, "ARCH_MAP_VDSO_64"}, {0x4001, "ARCH_GET_UNTAG_MASK"},
  {0x4002, "ARCH_ENABLE_TAGGED_ADDR"}, {0x4003, "ARCH_GET_MAX_TAG_BITS"},
  {0x4004, "ARCH_FORCE_TAGGED_SVA"}, {0x5001, "ARCH_SHSTK_ENABLE"},
  {0x5002, "ARCH_SHSTK_DISABLE"}, {0x5003, "ARCH_SHSTK_LOCK"}, {0x5004, "ARCH_SHSTK_UNLOCK"},
  {0x5005, "ARCH_SHSTK_STATUS"},
};
constexpr Xlat kScmTypes[] = {{1, "SCM_RIGHTS"}, {2, "SCM_CREDENTIALS"}, {3, "SCM_SECURITY"}, {4, "SCM_PIDFD"}};
// clang-format on

}  // namespace

const XlatTable open_access{kOpenAccess};
const XlatTable resolve_flags{kResolveFlags};
const XlatTable file_types{kFileTypes};
const XlatTable unlinkat_flags{kUnlinkatFlags};
const XlatTable accessat_flags{kAccessatFlags};
const XlatTable access_mode{kAccessMode};
const XlatTable mmap_prot{kMmapProt};
const XlatTable mmap_type{kMmapType};
const XlatTable mmap_flags{kMmapFlags};
const XlatTable mremap_flags{kMremapFlags};
const XlatTable clone_flags{kCloneFlags};
const XlatTable ns_flags{kNsFlags};
const XlatTable sock_domains{kSockDomains};
const XlatTable sock_types{kSockTypes};
const XlatTable sock_type_flags{kSockTypeFlags};
const XlatTable inet_protocols{kInetProtocols};
const XlatTable netlink_protocols{kNetlinkProtocols};
const XlatTable fcntl_cmds{kFcntlCmds};
const XlatTable fd_flags{kFdFlags};
const XlatTable seal_flags{kSealFlags};
const XlatTable lock_types{kLockTypes};
const XlatTable whence{kWhence};
const XlatTable sig_how{kSigHow};
const XlatTable shutdown_how{kShutdownHow};
const XlatTable epoll_ops{kEpollOps};
const XlatTable epoll_flags{kEpollFlags};
const XlatTable pipe_flags{kPipeFlags};
const XlatTable sock_flags{kSockFlags};
const XlatTable memfd_flags{kMemfdFlags};
const XlatTable rename_flags{kRenameFlags};
const XlatTable futex_cmds{kFutexCmds};
const XlatTable clock_ids{kClockIds};
const XlatTable timer_flags{kTimerFlags};
const XlatTable flock_ops{kFlockOps};
const XlatTable id_types{kIdTypes};
const XlatTable arch_prctl_codes{kArchPrctlCodes};
const XlatTable scm_types{kScmTypes};

}  // namespace golden::detail::xlat
