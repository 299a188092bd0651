#include "trace_builder.hpp"

#include <fcntl.h>

#include <algorithm>
#include <csignal>

#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden::test {

TraceBuilder::TraceBuilder(std::int32_t pid, std::string cwd, std::vector<std::string> argv)
    : root_(pid), next_pid_(pid + 1) {
  trace_.run.cwd = cwd;
  trace_.run.command = argv;
  trace_.run.wall_time = Nanos{1'000'000};
  ProcessInfo p;
  p.pid = Pid{pid};
  p.threads = {Tid{pid}};
  p.peak_rss_kb = 2048;
  trace_.processes.push_back(p);
  Arg av;
  av.name = "argv";
  av.kind = ArgKind::Argv;
  av.list = argv;
  Seq s = sys(pid, "execve", {path_arg("pathname", argv.front()), av}, 0);
  process(pid).execs.push_back({s, argv.front(), argv, cwd});
}

ProcessInfo& TraceBuilder::process(std::int32_t pid) {
  for (auto it = trace_.processes.rbegin(); it != trace_.processes.rend(); ++it)
    if (it->pid.value == pid) return *it;
  trace_.processes.push_back({});
  trace_.processes.back().pid = Pid{pid};
  return trace_.processes.back();
}

Seq TraceBuilder::sys(std::int32_t pid, std::string name, std::vector<Arg> args, std::int64_t ret,
                      int err, std::string ret_ref, std::int32_t tid) {
  Event e;
  e.seq = trace_.events.size();
  e.pid = Pid{pid};
  e.tid = Tid{tid == 0 ? pid : tid};
  e.name = std::move(name);
  e.args = std::move(args);
  for (Arg& a : e.args)
    if (a.text.empty()) a.text = conventional_text(a);
  e.ret = err != 0 ? -err : ret;
  e.err = err;
  e.ret_ref = std::move(ret_ref);
  e.start = Nanos{static_cast<std::int64_t>(e.seq) * 1000};
  e.duration = Nanos{500};
  e.lamport = e.seq + 1;
  trace_.events.push_back(std::move(e));
  return trace_.events.back().seq;
}

std::int32_t TraceBuilder::fork(std::int32_t parent) {
  std::int32_t child = next_pid_++;
  Seq c = sys(parent, "clone", {flags_arg("flags", SIGCHLD, "SIGCHLD")}, child);
  ProcessInfo& p = process(child);
  p.parent = Pid{parent};
  p.created_by = c;
  p.threads = {Tid{child}};
  // The child's first event: the spawn edge's target.
  Seq first = sys(child, "set_robust_list", {}, 0);
  trace_.edges.push_back({c, first, EdgeKind::Spawn});
  return child;
}

std::int32_t TraceBuilder::spawn(std::int32_t parent, std::vector<std::string> argv, std::string path) {
  std::int32_t child = fork(parent);
  if (path.empty()) path = argv.front();
  Arg av;
  av.name = "argv";
  av.kind = ArgKind::Argv;
  av.list = argv;
  Seq s = sys(child, "execve", {path_arg("pathname", path), av}, 0);
  std::string cwd = trace_.run.cwd;
  process(child).execs.push_back({s, path, argv, cwd});
  return child;
}

std::int32_t TraceBuilder::thread(std::int32_t pid) {
  std::int32_t tid = next_pid_++;
  Seq c = sys(pid, "clone", {flags_arg("flags", 0x3d0f00, "CLONE_VM|CLONE_THREAD")}, tid);
  process(pid).threads.push_back(Tid{tid});
  Seq first = sys(pid, "set_robust_list", {}, 0, 0, {}, tid);
  trace_.edges.push_back({c, first, EdgeKind::Spawn});
  return tid;
}

void TraceBuilder::exit(std::int32_t pid, int code, int signal) {
  if (signal == 0) {
    Seq s = sys(pid, "exit_group", {int_arg("status", code)}, 0);
    trace_.events[s].finished = false;
    process(pid).exit_code = code;
  } else {
    process(pid).exit_signal = signal;
  }
  Event x;
  x.seq = trace_.events.size();
  x.kind = EventKind::Exit;
  x.pid = Pid{pid};
  x.tid = Tid{pid};
  x.name = "exit";
  x.ret = code;
  x.lamport = x.seq + 1;
  trace_.events.push_back(x);
}

void TraceBuilder::wait(std::int32_t parent, std::int32_t child) {
  Seq last = 0;
  for (const Event& e : trace_.events)
    if (e.pid.value == child) last = e.seq;
  Seq w = sys(parent, "wait4", {int_arg("pid", child)}, child);
  trace_.edges.push_back({last, w, EdgeKind::Reap});
}

Seq TraceBuilder::open(std::int32_t pid, const std::string& path, std::int64_t flags, std::int64_t fd,
                       std::int64_t mode, int err) {
  return sys(pid, "openat",
             {fd_arg("dirfd", AT_FDCWD, {}), path_arg("pathname", path), flags_arg("flags", flags),
              mode_arg("mode", mode)},
             fd, err, err == 0 ? path : std::string{});
}

Seq TraceBuilder::write(std::int32_t pid, std::int64_t fd, const std::string& bytes,
                        std::size_t head_limit, std::int32_t tid) {
  return sys(pid, "write", {fd_arg("fd", fd), buf_arg("buf", bytes, head_limit),
                            int_arg("count", static_cast<std::int64_t>(bytes.size()))},
             static_cast<std::int64_t>(bytes.size()), 0, {}, tid);
}

Seq TraceBuilder::read(std::int32_t pid, std::int64_t fd, const std::string& bytes) {
  return sys(pid, "read", {fd_arg("fd", fd), buf_arg("buf", bytes, 4096), int_arg("count", 4096)},
             static_cast<std::int64_t>(bytes.size()));
}

Seq TraceBuilder::close(std::int32_t pid, std::int64_t fd) { return sys(pid, "close", {fd_arg("fd", fd)}, 0); }

Seq TraceBuilder::dup2(std::int32_t pid, std::int64_t oldfd, std::int64_t newfd) {
  return sys(pid, "dup2", {fd_arg("oldfd", oldfd), fd_arg("newfd", newfd)}, newfd);
}

Seq TraceBuilder::pipe(std::int32_t pid, std::int64_t rfd, std::int64_t wfd) {
  Arg a;
  a.name = "pipefd";
  a.kind = ArgKind::Struct;
  a.text = "[" + std::to_string(rfd) + "<pipe:[4711]>, " + std::to_string(wfd) + "<pipe:[4711]>]";
  return sys(pid, "pipe2", {a, flags_arg("flags", 0, "0")}, 0);
}

Seq TraceBuilder::path_call(std::int32_t pid, const std::string& name,
                            const std::vector<std::string>& paths, std::int64_t ret, int err) {
  std::vector<Arg> args;
  for (std::size_t i = 0; i < paths.size(); ++i)
    args.push_back(path_arg(i == 0 ? "oldpath" : "newpath", paths[i]));
  if (paths.size() == 1) args[0].name = "pathname";
  return sys(pid, name, args, ret, err);
}

Seq TraceBuilder::connect(std::int32_t pid, std::int64_t fd, const std::string& endpoint, int err) {
  return sys(pid, "connect", {fd_arg("sockfd", fd), sockaddr_arg("addr", endpoint), int_arg("addrlen", 16)},
             0, err);
}

Seq TraceBuilder::kill(std::int32_t pid, std::int32_t target, int sig) {
  return sys(pid, "kill", {int_arg("pid", target), signal_arg(sig)}, 0);
}

void TraceBuilder::noise(std::int32_t pid) {
  sys(pid, "brk", {int_arg("addr", 0)}, 0x55550000);
  Arg p;
  p.name = "addr";
  p.kind = ArgKind::Ptr;
  p.raw = 0x7f0012345000;
  sys(pid, "mmap", {p, int_arg("length", 8192)}, 0x7f0012345000);
  sys(pid, "futex", {p, int_arg("op", 129)}, 0);
  sys(pid, "clock_gettime", {int_arg("clockid", 1)}, 0);
  sys(pid, "rt_sigaction", {signal_arg(SIGINT)}, 0);
  open(pid, "/etc/ld.so.cache", O_RDONLY | O_CLOEXEC, 3);
  close(pid, 3);
  open(pid, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY | O_CLOEXEC, 3);
  close(pid, 3);
  open(pid, "/usr/lib/locale/locale-archive", O_RDONLY | O_CLOEXEC, 3);
  close(pid, 3);
  open(pid, "/etc/ld.so.preload", O_RDONLY | O_CLOEXEC, -1, 0, ENOENT);
}

Arg TraceBuilder::fd_arg(std::string name, std::int64_t fd, std::string what) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Fd;
  a.raw = fd;
  a.str = std::move(what);
  if (fd == AT_FDCWD) a.text = "AT_FDCWD";
  return a;
}

Arg TraceBuilder::path_arg(std::string name, std::string abs) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Path;
  a.str = abs;
  a.text = quote_bytes(abs);
  return a;
}

Arg TraceBuilder::int_arg(std::string name, std::int64_t v) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Int;
  a.raw = v;
  return a;
}

Arg TraceBuilder::flags_arg(std::string name, std::int64_t v, std::string text) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Flags;
  a.raw = v;
  a.text = text.empty() ? std::to_string(v) : text;
  return a;
}

Arg TraceBuilder::mode_arg(std::string name, std::int64_t v) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Mode;
  a.raw = v;
  return a;
}

Arg TraceBuilder::buf_arg(std::string name, const std::string& bytes, std::size_t head_limit) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Buffer;
  Payload p;
  p.length = bytes.size();
  p.hash = StreamHash::of(bytes).value();
  p.head = bytes.substr(0, head_limit);
  a.data = p;
  return a;
}

Arg TraceBuilder::sockaddr_arg(std::string name, std::string endpoint) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Sockaddr;
  a.str = endpoint;
  a.text = "{" + endpoint + "}";
  return a;
}

Arg TraceBuilder::signal_arg(int sig) {
  Arg a;
  a.name = "sig";
  a.kind = ArgKind::Signal;
  a.raw = sig;
  a.text = sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : sig == SIGKILL ? "SIGKILL" : "";
  return a;
}

Trace TraceBuilder::build() const { return trace_; }

}  // namespace golden::test
