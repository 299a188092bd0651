// strace's rendering of the process-related structures: resource limits and usage,
// utsname, sysinfo, sched_param, capabilities, clone3's clone_args, statfs, gid lists,
// mincore vectors.
#pragma once

#include <cstdint>
#include <string>

#include "golden/decode/decoder.hpp"

namespace golden::detail {

std::string rlimit_text(TraceeMemory& mem, std::uint64_t addr);    // {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}
std::string rusage_text(TraceeMemory& mem, std::uint64_t addr);    // {ru_utime={...}, ru_stime={...}, ...}
std::string utsname_text(TraceeMemory& mem, std::uint64_t addr);   // {sysname="Linux", nodename="h", ...}
std::string sysinfo_text(TraceeMemory& mem, std::uint64_t addr);
std::string sched_param_text(TraceeMemory& mem, std::uint64_t addr);  // [0]
std::string cap_header_text(TraceeMemory& mem, std::uint64_t addr);   // {version=..., pid=0}
std::string cap_data_text(TraceeMemory& mem, std::uint64_t addr);     // {effective=1<<CAP_CHOWN|..., ...}
std::string statfs_text(TraceeMemory& mem, std::uint64_t addr);
std::string clone_args_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size);
// clone3 at exit: " => {parent_tid=[1234]}" (what the kernel wrote back), or "".
std::string clone_args_exit_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size);
std::string gids_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t count);  // [0, 4]
std::string mincore_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t length);  // [1, 0, 1]

}  // namespace golden::detail
