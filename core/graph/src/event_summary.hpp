// One short strace-like line for an event, for the critical path listing and DOT
// tooltips: long arguments are cut, so a 4 KiB write stays one readable line.
#pragma once

#include <cstddef>
#include <string>

#include "golden/model/trace.hpp"

namespace golden {

// `openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3`, `--- SIGCHLD ---`, `+++ exited 0 +++`.
// Each argument is cut to `arg_width` characters, the whole line to `max_width`.
std::string short_event(const Event& event, std::size_t arg_width = 24, std::size_t max_width = 72);

}  // namespace golden
