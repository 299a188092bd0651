// strace-style rendering of the structures that syscalls pass by pointer. Each reads
// the structure in one request and falls back to the address (as strace does) when
// the memory cannot be read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "golden/decode/decoder.hpp"

namespace golden::detail {

std::string sigset_bits_text(std::uint64_t bits);                    // [INT TERM], ~[RTMIN]
std::string sigset_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size);
std::string sigaction_text(TraceeMemory& mem, std::uint64_t addr);
std::string stat_text(TraceeMemory& mem, std::uint64_t addr);        // {st_mode=S_IFREG|0644, st_size=12, ...}
std::string statx_text(TraceeMemory& mem, std::uint64_t addr);
std::string open_how_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size);
// struct flock; `getlk`: the lock F_GETLK found, with its l_pid.
std::string flock_text(TraceeMemory& mem, std::uint64_t addr, bool getlk);
// statx's flags: the sync type first (AT_STATX_SYNC_AS_STAT is 0), then the AT_* bits.
std::string statx_flags_text(std::uint64_t flags);
std::string perf_attr_text(TraceeMemory& mem, std::uint64_t addr);      // {type=..., size=..., ...}
std::string sock_fprog_text(TraceeMemory& mem, std::uint64_t addr);     // {len=1, filter=0x...}
std::string seccomp_notif_sizes_text(TraceeMemory& mem, std::uint64_t addr);
std::string key_serial_text(std::int64_t serial);                       // KEY_SPEC_* or the number
std::string wait_status_text(int status);                            // [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
// Number of linux_dirent(64) records in `len` bytes at `addr`; nullopt if unreadable.
std::optional<std::size_t> count_dirents(TraceeMemory& mem, std::uint64_t addr, std::uint64_t len);

}  // namespace golden::detail
