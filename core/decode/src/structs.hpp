// strace-style rendering of the structures that syscalls pass by pointer. Each reads
// the structure in one request and falls back to the address (as strace does) when
// the memory cannot be read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "golden/decode/decoder.hpp"

namespace golden::detail {

std::string timespec_text(TraceeMemory& mem, std::uint64_t addr);   // {tv_sec=1, tv_nsec=0}
std::string sigset_bits_text(std::uint64_t bits);                    // [INT TERM], ~[RTMIN]
std::string sigset_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size);
std::string sigaction_text(TraceeMemory& mem, std::uint64_t addr);
std::string stat_text(TraceeMemory& mem, std::uint64_t addr);        // {st_mode=S_IFREG|0644, st_size=12, ...}
std::string statx_text(TraceeMemory& mem, std::uint64_t addr);
std::string open_how_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size);
std::string clone_args_text(TraceeMemory& mem, std::uint64_t addr, std::uint64_t size);
std::string flock_text(TraceeMemory& mem, std::uint64_t addr);
std::string wait_status_text(int status);                            // [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
// Number of linux_dirent(64) records in `len` bytes at `addr`; nullopt if unreadable.
std::optional<std::size_t> count_dirents(TraceeMemory& mem, std::uint64_t addr, std::uint64_t len);

}  // namespace golden::detail
