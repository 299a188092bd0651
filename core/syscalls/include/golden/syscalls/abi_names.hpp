// errno and signal names as a tracer sees them on x86-64 Linux, both ways. The one table
// every layer uses (decode, text, graph, equivalence, assertions, the CLI): strace 6.1's
// spelling, checked against the kernel headers and strace in abi_names_test.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace golden {

// "ENOENT"; the kernel-internal restart codes (512..531) that only a tracer sees by their
// include/linux/errno.h names; "E123" for a number nobody names.
std::string errno_name(int err);
// Whether errno_name has a name for it (else strace prints "(errno 123)").
bool errno_has_name(int err);
// ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK: the kernel restarts
// the call or turns them into EINTR; strace shows their return as "?".
bool errno_restarts_call(int err);
// strace's text: strerror's ("No such file or directory", "Unknown error 515"), its own for
// the four restart codes; "" for 0 and below.
std::string errno_description(int err);
// The number for a name; aliases too (EWOULDBLOCK, EDEADLOCK, ENOTSUP), and "E123".
std::optional<int> errno_from_name(std::string_view name);

// strace's names: "SIGTERM", "SIGIO" (not SIGPOLL), "SIGRTMIN" for the kernel's first
// real-time signal (32), then "SIGRT_1".."SIGRT_32"; "SIG123" for a number out of range.
std::string signal_name(int sig);
// The number for "SIGTERM" or "TERM"; aliases SIGPOLL, SIGIOT, SIGCLD, SIGRT_n and "SIG123"
// too. Not "SIGRTMIN+n": glibc's SIGRTMIN (34) is not the kernel's (32), so it is ambiguous.
std::optional<int> signal_from_name(std::string_view name);

}  // namespace golden
