#include "xlat_registry.hpp"

#include "flags_render.hpp"
#include "xlat_strace.hpp"
#include "xlat_tables.hpp"

namespace golden::detail {
namespace {

// clang-format off
constexpr Xlat kRseqFlags[] = {{1, "RSEQ_FLAG_UNREGISTER"}};
constexpr Xlat kTfdSettimeFlags[] = {{1, "TFD_TIMER_ABSTIME"}, {2, "TFD_TIMER_CANCEL_ON_SET"}};
constexpr Xlat kMembarrierFlags[] = {{1, "MEMBARRIER_CMD_FLAG_CPU"}};
// struct user's register offsets (ptrace PEEKUSER/POKEUSER), as strace names them.
constexpr Xlat kUserOffsets[] = {
  {0, "8*R15"}, {8, "8*R14"}, {16, "8*R13"}, {24, "8*R12"}, {32, "8*RBP"}, {40, "8*RBX"},
  {48, "8*R11"}, {56, "8*R10"}, {64, "8*R9"}, {72, "8*R8"}, {80, "8*RAX"}, {88, "8*RCX"},
  {96, "8*RDX"}, {104, "8*RSI"}, {112, "8*RDI"}, {120, "8*ORIG_RAX"}, {128, "8*RIP"},
  {136, "8*CS"}, {144, "8*EFLAGS"}, {152, "8*RSP"}, {160, "8*SS"}, {168, "8*FS_BASE"},
  {176, "8*GS_BASE"}, {184, "8*DS"}, {192, "8*ES"}, {200, "8*FS"}, {208, "8*GS"},
};
// clang-format on

}  // namespace

XlatRef xlat_ref(XlatId id) {
  using X = XlatId;
  namespace g = xlat::gen;
  switch (id) {
    case X::None:
    case X::Signals:
    case X::IoprioValue: return {};
    case X::Resources: return {g::resources, "RLIMIT_"};
    case X::Rusage: return {g::usage_who, "RUSAGE_"};
    case X::ItimerWhich: return {g::itimer_which, "ITIMER_"};
    case X::Madvise: return {g::madvise_cmds, "MADV_"};
    case X::MlockallFlags: return {g::mlockall_flags, "MCL_"};
    case X::MlockFlags: return {g::mlock_flags, "MLOCK_"};
    case X::MsyncFlags: return {g::msync_flags, "MS_"};
    case X::Membarrier: return {g::membarrier_cmds, "MEMBARRIER_CMD_"};
    case X::MembarrierFlags: return {kMembarrierFlags, "MEMBARRIER_CMD_FLAG_"};
    case X::Schedulers: return {g::schedulers, "SCHED_"};
    case X::Priorities: return {g::priorities, "PRIO_"};
    case X::Personality: return {g::personality_types, "PER_"};
    case X::IpcMsgFlags: return {g::ipc_msg_flags, "MSG_"};
    case X::SemopFlags: return {g::semop_flags, "SEM_"};
    case X::ShmFlags: return {g::shm_flags, "SHM_"};
    case X::SigevNotify: return {g::sigev_value, "SIGEV_"};
    case X::EfdFlags: return {g::efd_flags, "EFD_"};
    case X::SfdFlags: return {g::sfd_flags, "SFD_"};
    case X::TfdFlags: return {g::tfd_flags, "TFD_"};
    case X::TfdSettimeFlags: return {kTfdSettimeFlags, "TFD_"};
    case X::StatxMasks: return {g::statx_masks, "STATX_"};
    case X::AtStatxSync: return {g::at_statx_sync_types, "AT_STATX_"};
    case X::Fadvise: return {g::advise, "POSIX_FADV_"};
    case X::SpliceFlags: return {g::splice_flags, "SPLICE_F_"};
    case X::GetrandomFlags: return {g::getrandom_flags, "GRND_"};
    case X::XattrFlags: return {g::xattr_flags, "XATTR_"};
    case X::PidfdOpenFlags: return {g::pidfd_open_flags, "PIDFD_"};
    case X::InotifyMask: return {g::inotify_flags, "IN_"};
    case X::InotifyInitFlags: return {g::inotify_init_flags, "IN_"};
    case X::PrctlOptions: return {g::prctl_options, "PR_"};
    case X::PtraceRequests: return {g::ptrace_cmds, "PTRACE_"};
    case X::PtraceOptions: return {g::ptrace_options, "PTRACE_O_"};
    case X::SeccompOps: return {g::seccomp_ops, "SECCOMP_SET_MODE_"};
    case X::SeccompFilterFlags: return {g::seccomp_filter_flags, "SECCOMP_FILTER_FLAG_"};
    case X::BpfCommands: return {g::bpf_commands, "BPF_"};
    case X::MsgctlCmds: return {g::msgctl_flags, "MSG_"};
    case X::SemctlCmds: return {g::semctl_flags, "SEM_"};
    case X::ShmctlCmds: return {g::shmctl_flags, "SHM_"};
    case X::IoprioWho: return {g::ioprio_who, "IOPRIO_WHO_"};
    case X::KeyctlCommands: return {g::keyctl_commands, "KEYCTL_"};
    case X::FallocFlags: return {g::falloc, "FALLOC_FL_"};
    case X::CloseRangeFlags: return {g::close_range_flags, "CLOSE_RANGE_"};
    case X::FanInitFlags: return {g::fan_init_flags, "FAN_"};
    case X::UffdFlags: return {g::uffd_flags, "UFFD_"};
    case X::Umount2Flags: return {g::umount2_flags, "MNT_"};
    case X::MountFlags: return {g::mount_flags, "MS_"};
    case X::MemfdFlags: return {g::memfd_flags, "MFD_"};
    case X::RseqFlags: return {kRseqFlags, "RSEQ_FLAG_"};
    case X::PerfOpenFlags: return {g::perf_event_open_flags, "PERF_FLAG_"};
    case X::SchedAttrFlags: return {g::sched_flags, "SCHED_FLAG_"};
    case X::WaitidOptions: return {g::wait_options, "W"};
    case X::SockLevel: return {g::socket_levels, "SOL_"};
    case X::SigaltstackFlags: return {g::sigaltstack_flags, "SS_"};
    case X::PrDumpable: return {g::pr_dumpable, "SUID_DUMP_"};
    case X::Capabilities: return {g::capabilities, "CAP_"};
    case X::Secbits: return {g::secbits, "SECBIT_"};
    case X::SeccompRetActions: return {g::seccomp_ret_actions, "SECCOMP_RET_"};
    case X::SeccompMode: return {g::seccomp_mode, "SECCOMP_MODE_"};
    case X::PtraceUserOffsets: return {kUserOffsets, ""};
  }
  return {};
}

std::string xlat_enum(XlatId id, std::uint64_t v, int width) {
  if (width == 4) v &= 0xffffffffu;
  if (id == XlatId::Signals) return signal_text(width == 4 ? static_cast<std::int32_t>(v) : static_cast<std::int64_t>(v));
  if (id == XlatId::IoprioValue) {
    // strace's IOPRIO_PRIO_VALUE(class, data): the class in the bits above 13.
    return "IOPRIO_PRIO_VALUE(" + enum_text(v >> 13, xlat::gen::ioprio_class, "IOPRIO_CLASS_") + ", " +
           std::to_string(v & 0x1fff) + ")";
  }
  const XlatRef ref = xlat_ref(id);
  if (const auto name = lookup(v, ref.table); !name.empty()) return std::string(name);
  // An int's negative value is in the table sign-extended (RUSAGE_CHILDREN is -1).
  if (width == 4) {
    const auto extended = static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<std::int32_t>(v)));
    if (const auto name = lookup(extended, ref.table); !name.empty()) return std::string(name);
  }
  const std::uint64_t shown = v;
  if (ref.unknown.empty()) return hex_text(shown);
  return hex_text(shown) + " /* " + std::string(ref.unknown) + "??? */";
}

std::string xlat_flags(XlatId id, std::uint64_t v) {
  const XlatRef ref = xlat_ref(id);
  return flags_text(v, ref.table, "0", ref.unknown);
}

}  // namespace golden::detail
