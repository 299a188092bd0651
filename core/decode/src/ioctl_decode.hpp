// ioctl: request names (strace 6.1's list: "TCGETS", "SNDCTL_TMR_START or TCSETS",
// "_IOC(_IOC_READ, 0x5a, 0x99, 0x4)" for an unknown one) and the argument of the common
// requests — terminals, fd and socket requests, interfaces, fs flags, block devices,
// KVM, perf — from a table of request → argument kind.
#pragma once

#include <cstdint>
#include <string>

#include "decode_context.hpp"

namespace golden::detail {

std::string ioctl_request_text(std::uint32_t request);
Arg ioctl_entry_arg(const DecodeContext& ctx, std::string_view name, std::uint32_t request, std::uint64_t arg);
// Completes the argument at exit (what TCGETS, FIONREAD... wrote). `ok`: the call succeeded.
void ioctl_exit_arg(const DecodeContext& ctx, std::uint32_t request, std::uint64_t arg, bool ok, Arg& out);
// True when strace shows no third argument for the request (FIOCLEX, TIOCNOTTY...).
bool ioctl_takes_no_arg(std::uint32_t request);

}  // namespace golden::detail
