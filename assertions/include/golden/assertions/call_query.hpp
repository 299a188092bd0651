// Questions about single calls that rules ask — which paths and endpoints a call names,
// whether it succeeded, whether a selector picks it — answered once for every layer
// that asks them: renacer.toml's forbidden/required/syscall_count rules and the
// GoogleTest matchers (golden::testing). The glob rules are docs/assertions.md's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "golden/assertions/config.hpp"
#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden {

// Path globs: `*` and `?` stay inside one component, `**` spans any number of them,
// `[abc]`/`[!a-z]` are classes, `\` escapes; "/etc/**" matches /etc itself too.
bool path_glob_match(std::string_view glob, std::string_view path);
// Endpoint globs ("10.0.0.1:443", "[::1]:*", "unix:/run/*.sock"): the same, except that
// `[` and `]` are the literal brackets of an IPv6 address.
bool endpoint_glob_match(std::string_view glob, std::string_view endpoint);

// A path argument as the decoder resolved it (absolute) and, when different, as the
// program wrote it.
std::vector<std::string> path_forms(const Arg& arg);
// The endpoints a call contacts: the address of connect, sendto, sendmsg, sendmmsg.
std::vector<std::string> contacted_endpoints(const Event& event);
// The call did what it asked (a non-blocking connect in progress counts).
bool call_succeeded(const Event& event);

// "openat" (a syscall name) or "%file" / "file" (a class), as rules name calls; an
// unknown name is an error that lists what is known.
Result<CallSelector> parse_call_selector(std::string_view name_or_class);
// Whether the selector picks the call (process_name_pattern is not looked at here).
bool selects_call(const CallSelector& selector, const Event& event);
// Whether the call's source location (--source) matches function_pattern and
// file_pattern; true when the selector has neither; false for a call without location.
bool selects_by_source(const CallSelector& selector, const Event& event);
// Error when the selector names functions or files and no event of the trace has a
// source location: the trace was captured without --source, and counting nothing would
// pass a budget for the wrong reason.
Status check_source_selectable(const CallSelector& selector, const Trace& trace);
// "openat, read and %file calls of processes matching 'x'", "all syscalls".
std::string describe_selector(const CallSelector& selector);

}  // namespace golden
