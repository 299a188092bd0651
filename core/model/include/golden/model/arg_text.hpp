// The conventional strace-style rendering of an argument from its structured fields.
// Decoders use it for the common kinds; the file writer omits `text` when it equals
// this rendering and the reader restores it, so both sides must share this function.
#pragma once

#include <string>

#include "golden/model/trace.hpp"

namespace golden {

// "" when the kind has no convention (Flags, Enum, Signal, Sockaddr, Struct): those
// arguments always carry their own text.
std::string conventional_text(const Arg& arg);

// strace -y's annotation of what an fd refers to: "<" + `what` in display form (with '<'
// and '>' escaped too) + ">"; the kernel's " (deleted)" suffix goes after it, as strace
// prints it: "</tmp/x>(deleted)". "" for an empty `what`.
std::string fd_annotation(std::string_view what);

}  // namespace golden
