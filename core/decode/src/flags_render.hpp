// Renderers for the flag words whose layout is more than a plain bit set: an access
// mode or type in the low bits, a signal in the low byte, a command plus modifiers.
#pragma once

#include <cstdint>
#include <string>

namespace golden::detail {

std::string address_text(std::uint64_t addr);               // "NULL" or "0x7ffd..."
std::string open_flags_text(std::uint64_t flags);            // O_RDONLY|O_CLOEXEC
std::string mode_text(std::uint64_t mode);                   // 0644, S_IFREG|0644
std::string mmap_flags_text(std::uint64_t flags);            // MAP_PRIVATE|MAP_ANONYMOUS
std::string clone_flags_text(std::uint64_t flags, bool exit_signal_in_low_byte);
std::string sock_type_text(std::uint64_t type);              // SOCK_STREAM|SOCK_CLOEXEC
std::string sock_protocol_text(std::uint64_t domain, std::uint64_t protocol);
std::string futex_op_text(std::uint64_t op);                 // FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME
std::string personality_text(std::uint64_t v);                // PER_LINUX|ADDR_NO_RANDOMIZE
std::string signal_text(std::int64_t sig);                   // SIGTERM, 0 for none
std::string clock_id_text(std::int64_t clock);              // CLOCK_MONOTONIC
// False for the fcntl commands that take no third argument (F_GETFL...): the register
// then holds leftovers that would only make two runs differ.
bool fcntl_takes_arg(std::uint64_t cmd);

}  // namespace golden::detail
