// Hand-built traces for unit tests: the one builder every layer's tests use. Events get
// dense seqs in the order they are added (completion order), so every edge must go from
// an earlier event to a later one. Two ways to add events, freely mixed:
//  - timed: call()/fail()/span_open()... with explicit start and duration, and process
//    records declared with process() (engine, detector, graph tests);
//  - as a program would make them: sys(), spawn(), open(), write()... on a root process
//    started by the constructor, with spawn/reap edges and exec records kept as the
//    recorder keeps them (start = seq microseconds; equivalence tests).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::test {

using namespace std::chrono_literals;

inline constexpr Nanos us(std::int64_t v) {
  return Nanos(v * 1000);
}

// Arguments, each with the text the recorder would give it (conventional_text, or the
// symbolic text given).
Arg int_arg(std::string name, std::int64_t v);
Arg fd_arg(std::string name, std::int64_t fd, std::string target = {});  // AT_FDCWD too
Arg path_arg(std::string name, std::string path);
Arg flags_arg(std::string name, std::int64_t v, std::string text = {});  // "" = the number
Arg mode_arg(std::string name, std::int64_t v);
// A read/write buffer: length and hash of all of `bytes`, the first `head_limit` kept.
Arg buf_arg(std::string name, const std::string& bytes, std::size_t head_limit = 4096);
Arg sockaddr_arg(std::string name, std::string endpoint);  // text "{endpoint}"
Arg signal_arg(int sig);
Arg struct_arg(std::string name, std::string text);
Arg argv_arg(std::vector<std::string> argv);

// How build() sets Lamport clocks.
enum class Clocks {
  Sequential,  // seq + 1 (consistent with any forward edges)
  FromEdges,   // 1 + the latest predecessor in program order or by an edge; all 0 on a cycle
  Unknown,     // 0 everywhere, as a trace without clocks
};

class TraceBuilder {
 public:
  // An empty trace: processes and events as the test declares them.
  TraceBuilder() = default;
  // The root process `pid`, started in `cwd` by exec'ing `argv` (its execve is event 0).
  explicit TraceBuilder(std::int32_t pid, std::string cwd = "/home/dev/proj",
                        std::vector<std::string> argv = {"/usr/bin/tool"});

  Pid root() const { return Pid{root_}; }

  // --- Process records.
  // A process record; `name` becomes its exec of /usr/bin/NAME (empty: a fork that never
  // exec'd). Exit code 0; threads are added as events name them.
  TraceBuilder& process(int pid, int parent, std::string name, Nanos start = {}, Nanos end = {},
                        std::optional<std::uint64_t> peak_rss_kb = std::nullopt);
  // CPU times for the last process added.
  TraceBuilder& cpu(Nanos user, Nanos system);
  // The record of `pid`, added when missing.
  ProcessInfo& process_record(std::int32_t pid);

  // --- Timed events.
  Event& call(int pid, int tid, std::string name, Nanos start, Nanos duration,
              std::vector<Arg> args = {}, std::int64_t ret = 0);
  Event& call(int pid, std::string name, Nanos start, Nanos duration) {
    return call(pid, pid, std::move(name), start, duration);
  }
  // A failed call: ret = -err.
  Event& fail(int pid, int tid, std::string name, Nanos start, Nanos duration, int err,
              std::vector<Arg> args = {});
  Event& span_open(int pid, int tid, std::string name, Nanos at);
  Event& span_close(int pid, int tid, std::string name, Nanos at);
  Event& annotation(int pid, std::string topic,
                    std::vector<std::pair<std::string, std::int64_t>> values, Nanos at);
  // The thread's Exit event (instantaneous).
  Event& thread_exit(int pid, int tid, Nanos at);

  // --- Events as a program makes them (start = seq microseconds, 500 ns each).
  // A syscall of `pid` (main thread unless `tid`); returns its seq.
  Seq sys(std::int32_t pid, std::string name, std::vector<Arg> args, std::int64_t ret = 0,
          int err = 0, std::string ret_ref = {}, std::int32_t tid = 0);
  // fork + exec of `argv` (path = argv[0] unless given) by `parent`; returns the child's pid.
  std::int32_t spawn(std::int32_t parent, std::vector<std::string> argv, std::string path = {});
  // fork without exec.
  std::int32_t fork(std::int32_t parent);
  // A new thread of `pid`; returns its tid.
  std::int32_t thread(std::int32_t pid);
  // exit_group + the process record's status; `signal` > 0: killed by it instead.
  void exit(std::int32_t pid, int code = 0, int signal = 0);
  // wait4 in `parent` reaping `child` (Reap edge from the child's last event).
  void wait(std::int32_t parent, std::int32_t child);
  Seq open(std::int32_t pid, const std::string& path, std::int64_t flags, std::int64_t fd,
           std::int64_t mode = 0, int err = 0);
  Seq write(std::int32_t pid, std::int64_t fd, const std::string& bytes,
            std::size_t head_limit = 4096, std::int32_t tid = 0);
  Seq read(std::int32_t pid, std::int64_t fd, const std::string& bytes);
  Seq close(std::int32_t pid, std::int64_t fd);
  Seq dup2(std::int32_t pid, std::int64_t oldfd, std::int64_t newfd);
  Seq pipe(std::int32_t pid, std::int64_t rfd, std::int64_t wfd);
  Seq path_call(std::int32_t pid, const std::string& name, const std::vector<std::string>& paths,
                std::int64_t ret = 0, int err = 0);
  Seq connect(std::int32_t pid, std::int64_t fd, const std::string& endpoint, int err = 0);
  Seq kill(std::int32_t pid, std::int32_t target, int sig);
  // Mmap/futex/clock calls and the loader's opens: runtime noise.
  void noise(std::int32_t pid);

  // --- The rest of the trace.
  TraceBuilder& edge(Seq from, Seq to, EdgeKind kind);
  // The run's wall time (default: the latest event end).
  TraceBuilder& wall(Nanos w);
  // Syscall numbers for call()/fail() events (the tests that need them pass the syscall
  // table's lookup; golden::model has none). Unset: nr stays -1.
  TraceBuilder& syscall_numbers(std::function<int(std::string_view)> number_of);

  Seq next_seq() const { return trace_.events.size(); }
  Trace& raw() { return trace_; }
  Trace build(Clocks clocks = Clocks::Sequential) const;
  TraceFile file() const;  // one run

 private:
  Event& add(Event e);
  std::int32_t root_ = 0;
  std::int32_t next_pid_ = 0;
  std::function<int(std::string_view)> number_of_;
  Trace trace_;
};

// A file of these runs, numbered in order.
TraceFile file_of(std::vector<Trace> runs);

}  // namespace golden::test
