// Reading decoded arguments robustly: by name as in the syscall table, falling back to
// position among arguments of the same kind, so a decoder detail doesn't blind the
// comparison.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/trace.hpp"
#include "golden/syscalls/abi_names.hpp"  // errno_name, signal_name: every user of args.hpp names them

namespace golden::eqv {

const Arg* arg_named(const Event& e, std::string_view name);
// The n-th (0-based) argument of `kind`.
const Arg* nth_arg(const Event& e, ArgKind kind, int n = 0);
// `name` if present, else the n-th argument of `kind`.
const Arg* find_arg(const Event& e, std::string_view name, ArgKind kind, int n = 0);

// The absolute path of a Path argument ("" when the decoder could not read it). A
// reference into the event (or to a static ""): most paths are only looked at.
const std::string& path_of(const Arg* a);
// The integer value of an argument, if any.
std::optional<std::int64_t> int_of(const Arg* a);

// "SIGTERM" from a Signal argument (its text, else the number's name).
std::string signal_text(const Arg* a);

// The two fds of pipe/pipe2/socketpair's int[2] argument, however it was decoded
// (an Argv-like list, or text "[3, 4]").
std::vector<std::int64_t> fd_pair(const Arg* a);

// Open flags from an openat2 `struct open_how` rendering ("{flags=O_RDONLY|O_CLOEXEC, ...}").
std::optional<std::int64_t> open_how_flags(const Arg* a);
// Mode from an open_how rendering ("mode=0644").
std::optional<std::int64_t> open_how_mode(const Arg* a);

// Retried calls that the program will repeat: not behaviour (SPEC §5).
bool is_retry_errno(int err);

}  // namespace golden::eqv
