#include "signal_info.hpp"

#include "golden/decode/decoder.hpp"

namespace golden::rec {

bool sent_by_process(int code) { return code == SI_USER || code == SI_TKILL || code == SI_QUEUE; }

// Decoding lives in golden::decode (strace's printsiginfo); these names stay for callers.
std::string si_code_name(int sig, int code) { return siginfo_code_name(sig, code); }

std::vector<Arg> signal_args(const siginfo_t& si) { return siginfo_args(si); }

}  // namespace golden::rec
