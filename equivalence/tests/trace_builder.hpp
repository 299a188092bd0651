// Hand-built traces for the equivalence tests: a small DSL that produces what the
// recorder would (dense seqs, Lamport clocks, spawn/reap edges, process records), so
// each normalization rule can be exercised on exactly the calls it is about.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden::test {

class TraceBuilder {
 public:
  // The root process `pid`, started in `cwd` by exec'ing `argv`.
  explicit TraceBuilder(std::int32_t pid = 1000, std::string cwd = "/home/dev/proj",
                        std::vector<std::string> argv = {"/usr/bin/tool"});

  Pid root() const { return Pid{root_}; }

  // A syscall event of `pid` (main thread unless `tid`); returns its seq.
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

  // Common calls.
  Seq open(std::int32_t pid, const std::string& path, std::int64_t flags, std::int64_t fd,
           std::int64_t mode = 0, int err = 0);
  Seq write(std::int32_t pid, std::int64_t fd, const std::string& bytes, std::size_t head_limit = 4096,
            std::int32_t tid = 0);
  Seq read(std::int32_t pid, std::int64_t fd, const std::string& bytes);
  Seq close(std::int32_t pid, std::int64_t fd);
  Seq dup2(std::int32_t pid, std::int64_t oldfd, std::int64_t newfd);
  Seq pipe(std::int32_t pid, std::int64_t rfd, std::int64_t wfd);
  Seq path_call(std::int32_t pid, const std::string& name, const std::vector<std::string>& paths,
                std::int64_t ret = 0, int err = 0);
  Seq connect(std::int32_t pid, std::int64_t fd, const std::string& endpoint, int err = 0);
  Seq kill(std::int32_t pid, std::int32_t target, int sig);
  // Mmap/futex/clock calls: runtime noise.
  void noise(std::int32_t pid);

  // Argument helpers.
  static Arg fd_arg(std::string name, std::int64_t fd, std::string what = {});
  static Arg path_arg(std::string name, std::string abs);
  static Arg int_arg(std::string name, std::int64_t v);
  static Arg flags_arg(std::string name, std::int64_t v, std::string text = {});
  static Arg mode_arg(std::string name, std::int64_t v);
  static Arg buf_arg(std::string name, const std::string& bytes, std::size_t head_limit);
  static Arg sockaddr_arg(std::string name, std::string endpoint);
  static Arg signal_arg(int sig);

  Trace build() const;
  ProcessInfo& process(std::int32_t pid);

 private:
  std::int32_t root_;
  std::int32_t next_pid_;
  Trace trace_;
};

}  // namespace golden::test
