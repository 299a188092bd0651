// strace-style rendering of single events: the lines `golden show` and
// `golden capture --text` print. Pure functions over the model; no I/O.
#pragma once

#include <cstddef>
#include <string>

#include "golden/model/ids.hpp"
#include "golden/model/trace.hpp"

namespace golden {

struct FormatOptions {
  bool show_pid = false;       // "[pid  1234] " prefix with the thread id, as strace -f
  bool show_start = false;     // "     0.000123 " start time since the run began
  bool show_lamport = false;   // "@17 " Lamport clock
  bool show_duration = true;   // " <0.000012>" time spent in the call, as strace -T
  unsigned align_column = 40;  // the "=" of " = " goes at least at this column, as strace; 0 = no padding
  // strace -s: data buffers and strings are shown up to this many bytes, then "...".
  // Paths are always shown whole, as strace does. 0 = everything the trace kept.
  std::size_t string_limit = 0;
  // " at config.cpp:41 load_config() <- main()" at the end of a call made where the
  // trace knows (golden capture --source).
  bool show_source = true;
};

// When to show the "[pid N]" prefix.
enum class PidDisplay {
  Never,
  Always,
  Multiple,  // only once more than one thread/process exists, as strace -f
};

// One line, without the trailing newline:
//   [pid  1234] openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3</etc/passwd> <0.000012>
//   openat(AT_FDCWD, "/nope", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000008>
//   exit_group(0)                           = ?
//   --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---
//   +++ exited with 0 +++          +++ killed by SIGSEGV (core dumped) +++
//   --- span open load_config ---   --- annotation golden.alloc {malloc=12, ...} ---
// `process`, when given, is the event's process record; it tells whether a fatal
// signal dumped core (the exit event itself only carries the signal number).
std::string format_event(const Event& event, const FormatOptions& options,
                         const ProcessInfo* process = nullptr);

// Where a call was made, as show prints it after the call: "at config.cpp:41
// load_config() <- main()"; "at app+0x1a2b load_config()" without debug info; "" when
// the location says nothing.
std::string format_source(const SourceLocation& source);

// One stack frame (--source=N): "config.cpp:41 open_ro() [inlined]",
// "libc.so.6+0xf8011 __libc_open64()".
std::string format_frame(const SourceFrame& frame);

// The return value part after " = ": "3</etc/passwd>", "-1 ENOENT (No such file or
// directory)", "0x55d0c0a3e000", "?" for a call that never returned (golden::return_text).
std::string format_return(const Event& event);

// strace's "<seconds.micros>" duration rendering, e.g. "<0.000012>".
std::string strace_duration(Nanos duration);

}  // namespace golden
