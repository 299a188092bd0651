// strace's rendering of signal structures (signal_structs.cpp). siginfo_args and
// siginfo_code_name are public (decoder.hpp): the recorder shows deliveries with them.
#pragma once

#include <cstdint>
#include <string>

#include "decode_context.hpp"

namespace golden::detail {

std::string siginfo_text(const DecodeContext& ctx, std::uint64_t addr);
std::string sigevent_text(TraceeMemory& mem, std::uint64_t addr);
std::string stack_t_text(TraceeMemory& mem, std::uint64_t addr);
// rt_sigreturn's "{mask=[...]}": the mask in the signal frame at the stack pointer.
std::string sigreturn_text(TraceeMemory& mem, std::uint64_t sp);
std::string pselect_sigmask_text(TraceeMemory& mem, std::uint64_t addr);

}  // namespace golden::detail
