// The decoded arguments of a signal delivery (strace's "--- SIGCHLD {si_signo=...} ---").
#pragma once

#include <csignal>
#include <string>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::rec {

// "SI_USER", "CLD_EXITED", "SEGV_MAPERR"...; a number for codes without a name.
std::string si_code_name(int sig, int code);
// True when si_pid names the process that sent the signal (kill, tkill, sigqueue).
bool sent_by_process(int code);

std::vector<Arg> signal_args(const siginfo_t& si);

}  // namespace golden::rec
