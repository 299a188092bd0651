// The trace model: what one recorded run of a program is, independent of how it was
// recorded (live ptrace capture) or stored (JSON, zstd, renacer import).
// No I/O and no ptrace here: every analysis layer works on these types.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "golden/model/ids.hpp"

namespace golden {

// Data moved by a read/write-like call.
struct Payload {
  std::uint64_t length = 0;  // bytes actually transferred (the call's return value)
  std::uint64_t hash = 0;    // StreamHash of all `length` bytes (see payload_hash.hpp)
  std::string head;          // the first `-s N` bytes, raw (may contain any byte)
  bool complete() const { return head.size() == length; }
  friend bool operator==(const Payload&, const Payload&) = default;
};

// How an argument was decoded; tells readers which of Arg's fields carry meaning.
enum class ArgKind : std::uint8_t {
  Int,       // signed integer: raw
  UInt,      // unsigned integer or size: raw
  Hex,       // number best shown in hex (masks, addresses given by value): raw
  Ptr,       // opaque tracee address: raw (dropped by normalization)
  Fd,        // file descriptor: raw; str = what it refers to ("/etc/passwd", "pipe:[123]", "" if unknown)
  Path,      // path read from the tracee: str
  String,    // other string read from the tracee: str
  Flags,     // symbolic flag set: raw, text = "O_RDONLY|O_CLOEXEC"
  Enum,      // symbolic constant: raw, text = "SEEK_SET", "AF_INET", "F_GETFL"
  Mode,      // file mode: raw, text = "0644"
  Signal,    // signal number: raw, text = "SIGTERM"
  Buffer,    // data in or out: data
  Sockaddr,  // socket address: str = canonical endpoint ("127.0.0.1:80", "[::1]:80", "unix:/run/x.sock")
  Argv,      // string array (execve argv/envp): list
  Struct,    // any other decoded structure: text
};

struct Arg {
  std::string name;              // parameter name as in the man page: "pathname", "flags"
  ArgKind kind = ArgKind::Int;
  std::int64_t raw = 0;          // the register value as the kernel saw it
  std::string text;              // strace-style rendering of the argument
  std::string str;               // Path/String/Sockaddr value; for Fd, what it refers to
  std::optional<Payload> data;   // Buffer only
  std::vector<std::string> list; // Argv only
  // Fd, and a Path that names an fd (/dev/stdout, /dev/fd/N, /proc/self/fd/N): the open
  // file description it refers to, numbered per trace by the recorder (0 = unknown;
  // 1, 2, 3: the run's stdin, stdout, stderr). See docs/trace-format.md, "fd identity".
  std::uint32_t ofd = 0;
  friend bool operator==(const Arg&, const Arg&) = default;
};

enum class EventKind : std::uint8_t {
  Syscall,  // a system call (entry to exit)
  Signal,   // a signal delivered to a thread: name "SIGCHLD", nr = signal number
  Exit,     // a thread ended: ret = exit code, or nr = killing signal (see docs/trace-format.md)
  Span,     // a user span opened/closed by an instrumented program (SPEC §9)
};

// One frame of a call stack as `golden capture --source` resolved it (SPEC §8).
struct SourceFrame {
  std::string file;            // source file as the debug info names it; "" without debug info
  int line = 0;                // 0: unknown
  std::string function;        // demangled, without its parameter list; "" when unknown
  std::string module;          // the image the code is in (executable or shared library)
  std::uint64_t offset = 0;    // the frame's address in `module` as a link-time address
                               // (what `addr2line -e MODULE` takes)
  bool inlined = false;        // an inlined call: its caller is the next frame, same address
  friend bool operator==(const SourceFrame&, const SourceFrame&) = default;
};

// Where a syscall was made from: the innermost *user* frame (not libc, ld.so, the C++
// runtime or golden's preload library) and its caller (docs/trace-format.md).
struct SourceLocation {
  std::string file;
  int line = 0;
  std::string function;
  // The calling function ("main"). Traces written before module/offset existed may hold
  // "function (file:line)" here.
  std::string caller;
  std::string module;          // the user frame's image and link-time address; the only
  std::uint64_t offset = 0;    // location when the image has no debug info
  std::vector<SourceFrame> frames;  // --source=N: the first N frames, innermost first
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

struct Event {
  Seq seq = 0;                   // dense, 0-based; events are numbered in completion order
  EventKind kind = EventKind::Syscall;
  Pid pid;
  Tid tid;
  std::string name;              // syscall name, signal name or "exit"
  int nr = -1;                   // syscall number; signal number for Signal/Exit-by-signal
  std::vector<Arg> args;
  std::int64_t ret = 0;          // return value; for a failed call, -errno
  int err = 0;                   // errno when the call failed (ret == -err), else 0
  std::string ret_ref;           // for calls that return an fd: what that fd refers to
  // The descriptions of the fds the call returned (its result; pipe's and socketpair's
  // pair), as Arg::ofd numbers them; empty when it returned none or the trace has no ids.
  std::vector<std::uint32_t> ret_ofds;
  bool finished = true;          // false: the call never returned (exit_group, killed, exec'd away)
  Nanos start{0};                // entry, since the run started
  Nanos duration{0};             // entry to exit
  LamportTime lamport = 0;       // logical clock, consistent with program order and edges
  std::optional<SourceLocation> source;

  bool failed() const { return err != 0; }
  Nanos end() const { return start + duration; }
};

// Happens-before edges that cross threads. Program order inside a thread is implicit
// (a thread's events in seq order) and is not stored.
enum class EdgeKind : std::uint8_t {
  Spawn,   // fork/vfork/clone -> the first event of the new thread/process
  Reap,    // a process's exit -> the wait that reaped it
  Data,    // a write to a pipe/socket -> the read that consumed those bytes
  Signal,  // kill/tgkill/... -> the delivery of that signal
};

struct Edge {
  Seq from = 0;
  Seq to = 0;
  EdgeKind kind = EdgeKind::Spawn;
  friend bool operator==(const Edge&, const Edge&) = default;
};

struct ExecRecord {
  Seq seq = 0;                      // the execve/execveat event
  std::string path;                 // the program executed
  std::vector<std::string> argv;
  std::string cwd;                  // working directory at exec time
  friend bool operator==(const ExecRecord&, const ExecRecord&) = default;
};

struct ProcessInfo {
  Pid pid;
  Pid parent;                          // 0 for a root of the run (started or attached by golden)
  std::optional<Seq> created_by;       // the clone/fork/vfork event in the parent
  std::vector<ExecRecord> execs;
  std::optional<int> exit_code;        // set when the process exited normally
  std::optional<int> exit_signal;      // set when it was killed by a signal
  bool core_dumped = false;
  Nanos start{0};
  Nanos end{0};
  std::optional<std::uint64_t> peak_rss_kb;  // VmHWM, the max over the process's images
  std::optional<Nanos> user_time;
  std::optional<Nanos> system_time;
  std::vector<Tid> threads;            // every thread seen, the leader first

  // The command name users recognise: last exec's argv[0] basename, or "" if none.
  std::string name() const;
};

// Named counters of anomalies and noteworthy facts (STYLE.md §6): unknown syscall
// numbers, unmatched exits, lost events, truncated input... never silently dropped.
using Counters = std::map<std::string, std::uint64_t>;

struct RunInfo {
  std::uint32_t index = 0;             // 0-based, for --runs N
  std::vector<std::string> command;    // argv as given to golden (empty when attached)
  std::vector<Pid> attached;           // pids attached with -p
  std::string cwd;
  // The launched program's path-valued environment ("HOME=/root", "TMPDIR=/tmp/x"):
  // what comparison aligns between runs as parameters (docs/compare.md). Sorted.
  std::vector<std::string> env;
  // The ids the launched program ran with (-1: unknown): a file it creates is theirs,
  // so a chown to them changes nothing (cp -a, tar as the files' owner).
  std::int64_t uid = -1, gid = -1;
  std::string start_wall;              // ISO-8601 UTC time the run started
  std::string traceparent;             // W3C traceparent given to the tracee
  Nanos wall_time{0};                  // start to end of the run
  std::optional<int> exit_status;      // like a shell's $?: code, or 128+N when killed by N
  // The recorder wrote fd identities (Arg::ofd, Event::ret_ofds). Traces recorded before
  // it did lack them; comparison then derives them once by replaying dup/close/fork.
  bool fd_ids = false;
  Counters counters;
  friend bool operator==(const RunInfo&, const RunInfo&) = default;
};

// One run of the traced command.
struct Trace {
  RunInfo run;
  std::vector<Event> events;           // events[i].seq == i
  std::vector<ProcessInfo> processes;  // in order of their start time (TraceBuilder and the reader sort)
  std::vector<Edge> edges;

  const ProcessInfo* process(Pid pid) const;
};

// What the file said about itself and how complete it is.
struct TraceHeader {
  std::string format = "golden-trace";  // or "renacer-json-v1" for imported traces
  int version = 1;
  std::string tool;                     // "golden 0.1.0"
  std::string filter;                   // the -e trace= expression, "" = everything
  std::uint32_t string_limit = 0;       // -s N
  // Imported formats may lack these; analysis must say "unknown", not invent them.
  bool has_pids = true;
  bool has_timing = true;
  bool has_clocks = true;
};

struct TraceFile {
  TraceHeader header;
  std::vector<Trace> runs;
  bool truncated = false;              // the file ended before its trailer
  Counters counters;                   // reader anomalies (unknown fields, bad records)
};

// Consumer of a trace as it is produced: the recorder streams into one of these.
// Calls come in order: begin_run, then events/processes/edges interleaved (an edge
// only after both its events; a process record when the process is finished), end_run.
class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void begin_run(const RunInfo& run) = 0;
  virtual void event(const Event& event) = 0;
  virtual void process(const ProcessInfo& process) = 0;
  virtual void edge(const Edge& edge) = 0;
  virtual void end_run(const RunInfo& run) = 0;
};

// A sink that builds an in-memory TraceFile (tests, --runs with analysis).
class TraceBuilder : public TraceSink {
 public:
  void begin_run(const RunInfo& run) override;
  void event(const Event& event) override;
  void process(const ProcessInfo& process) override;
  void edge(const Edge& edge) override;
  void end_run(const RunInfo& run) override;
  TraceFile& file() { return file_; }

 private:
  TraceFile file_;
};

std::string_view to_string(ArgKind kind);
std::string_view to_string(EventKind kind);
std::string_view to_string(EdgeKind kind);
std::optional<ArgKind> arg_kind_from_string(std::string_view s);
std::optional<EventKind> event_kind_from_string(std::string_view s);
std::optional<EdgeKind> edge_kind_from_string(std::string_view s);

// Shell-style status: code, or 128+N when killed by signal N.
std::optional<int> shell_status(const ProcessInfo& p);

}  // namespace golden
