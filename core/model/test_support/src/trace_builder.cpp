#include "golden/test_support/trace_builder.hpp"

#include <fcntl.h>

#include <algorithm>
#include <csignal>
#include <map>

#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "golden/model/marker.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden::test {

Arg int_arg(std::string name, std::int64_t v) {
  return Arg{.name = std::move(name), .kind = ArgKind::Int, .raw = v, .text = std::to_string(v)};
}

Arg fd_arg(std::string name, std::int64_t fd, std::string target) {
  Arg a{.name = std::move(name), .kind = ArgKind::Fd, .raw = fd, .str = std::move(target)};
  a.text = fd == AT_FDCWD ? "AT_FDCWD" : conventional_text(a);
  return a;
}

Arg path_arg(std::string name, std::string path) {
  Arg a{.name = std::move(name), .kind = ArgKind::Path, .str = std::move(path)};
  a.text = quote_bytes(a.str);
  return a;
}

Arg flags_arg(std::string name, std::int64_t v, std::string text) {
  if (text.empty()) text = std::to_string(v);
  return Arg{.name = std::move(name), .kind = ArgKind::Flags, .raw = v, .text = std::move(text)};
}

Arg mode_arg(std::string name, std::int64_t v) {
  Arg a{.name = std::move(name), .kind = ArgKind::Mode, .raw = v};
  a.text = conventional_text(a);
  return a;
}

Arg buf_arg(std::string name, const std::string& bytes, std::size_t head_limit) {
  Arg a{.name = std::move(name), .kind = ArgKind::Buffer};
  Payload p;
  p.length = bytes.size();
  p.hash = StreamHash::of(bytes).value();
  p.head = bytes.substr(0, head_limit);
  a.data = p;
  a.text = conventional_text(a);
  return a;
}

Arg sockaddr_arg(std::string name, std::string endpoint) {
  Arg a{.name = std::move(name), .kind = ArgKind::Sockaddr, .str = std::move(endpoint)};
  a.text = "{" + a.str + "}";
  return a;
}

Arg signal_arg(int sig) {
  static const std::map<int, std::string> names = {
      {SIGTERM, "SIGTERM"}, {SIGINT, "SIGINT"}, {SIGKILL, "SIGKILL"}};
  auto it = names.find(sig);
  return Arg{.name = "sig",
             .kind = ArgKind::Signal,
             .raw = sig,
             .text = it == names.end() ? "" : it->second};
}

Arg struct_arg(std::string name, std::string text) {
  return Arg{.name = std::move(name), .kind = ArgKind::Struct, .text = std::move(text)};
}

Arg argv_arg(std::vector<std::string> argv) {
  Arg a{.name = "argv", .kind = ArgKind::Argv, .list = std::move(argv)};
  a.text = conventional_text(a);
  return a;
}

TraceBuilder::TraceBuilder(std::int32_t pid, std::string cwd, std::vector<std::string> argv)
    : root_(pid), next_pid_(pid + 1) {
  trace_.run.cwd = cwd;
  trace_.run.command = argv;
  trace_.run.wall_time = Nanos{1'000'000};
  ProcessInfo& p = process_record(pid);
  p.threads = {Tid{pid}};
  p.peak_rss_kb = 2048;
  Seq s = sys(pid, "execve", {path_arg("pathname", argv.front()), argv_arg(argv)}, 0);
  process_record(pid).execs.push_back({s, argv.front(), argv, cwd});
}

TraceBuilder& TraceBuilder::process(int pid, int parent, std::string name, Nanos start, Nanos end,
                                    std::optional<std::uint64_t> peak_rss_kb) {
  ProcessInfo p;
  p.pid = Pid{pid};
  p.parent = Pid{parent};
  if (!name.empty())
    p.execs.push_back(ExecRecord{.seq = 0, .path = "/usr/bin/" + name, .argv = {name}, .cwd = "/"});
  p.start = start;
  p.end = end;
  p.peak_rss_kb = peak_rss_kb;
  p.exit_code = 0;
  p.threads.push_back(Tid{pid});
  trace_.processes.push_back(std::move(p));
  return *this;
}

TraceBuilder& TraceBuilder::cpu(Nanos user, Nanos system) {
  trace_.processes.back().user_time = user;
  trace_.processes.back().system_time = system;
  return *this;
}

ProcessInfo& TraceBuilder::process_record(std::int32_t pid) {
  for (auto it = trace_.processes.rbegin(); it != trace_.processes.rend(); ++it)
    if (it->pid.value == pid) return *it;
  trace_.processes.push_back({});
  trace_.processes.back().pid = Pid{pid};
  return trace_.processes.back();
}

Event& TraceBuilder::add(Event e) {
  e.seq = trace_.events.size();
  e.lamport = e.seq + 1;
  for (Arg& a : e.args)
    if (a.text.empty()) a.text = conventional_text(a);
  for (ProcessInfo& p : trace_.processes)
    if (p.pid == e.pid && std::find(p.threads.begin(), p.threads.end(), e.tid) == p.threads.end())
      p.threads.push_back(e.tid);
  trace_.events.push_back(std::move(e));
  return trace_.events.back();
}

Event& TraceBuilder::call(int pid, int tid, std::string name, Nanos start, Nanos duration,
                          std::vector<Arg> args, std::int64_t ret) {
  Event e;
  e.pid = Pid{pid};
  e.tid = Tid{tid};
  if (number_of_) e.nr = number_of_(name);
  e.name = std::move(name);
  e.start = start;
  e.duration = duration;
  e.args = std::move(args);
  e.ret = ret;
  return add(std::move(e));
}

Event& TraceBuilder::fail(int pid, int tid, std::string name, Nanos start, Nanos duration, int err,
                          std::vector<Arg> args) {
  Event& e = call(pid, tid, std::move(name), start, duration, std::move(args), -err);
  e.err = err;
  return e;
}

Event& TraceBuilder::span_open(int pid, int tid, std::string name, Nanos at) {
  Event e;
  e.kind = EventKind::Span;
  e.pid = Pid{pid};
  e.tid = Tid{tid};
  e.name = std::move(name);
  e.nr = static_cast<int>(MarkerOp::SpanOpen);
  e.start = at;
  return add(std::move(e));
}

Event& TraceBuilder::span_close(int pid, int tid, std::string name, Nanos at) {
  Event& e = span_open(pid, tid, std::move(name), at);
  e.nr = static_cast<int>(MarkerOp::SpanClose);
  return e;
}

Event& TraceBuilder::annotation(int pid, std::string topic,
                                std::vector<std::pair<std::string, std::int64_t>> values,
                                Nanos at) {
  Event& e = span_open(pid, pid, std::move(topic), at);
  e.nr = static_cast<int>(MarkerOp::Annotation);
  for (auto& [k, v] : values) e.args.push_back(int_arg(k, v));
  return e;
}

Event& TraceBuilder::thread_exit(int pid, int tid, Nanos at) {
  Event e;
  e.kind = EventKind::Exit;
  e.pid = Pid{pid};
  e.tid = Tid{tid};
  e.name = "exit";
  e.start = at;
  return add(std::move(e));
}

Seq TraceBuilder::sys(std::int32_t pid, std::string name, std::vector<Arg> args, std::int64_t ret,
                      int err, std::string ret_ref, std::int32_t tid) {
  Event e;
  e.pid = Pid{pid};
  e.tid = Tid{tid == 0 ? pid : tid};
  e.name = std::move(name);
  e.args = std::move(args);
  e.ret = err != 0 ? -err : ret;
  e.err = err;
  e.ret_ref = std::move(ret_ref);
  e.start = Nanos{static_cast<std::int64_t>(next_seq()) * 1000};
  e.duration = Nanos{500};
  return add(std::move(e)).seq;
}

std::int32_t TraceBuilder::fork(std::int32_t parent) {
  std::int32_t child = next_pid_++;
  Seq c = sys(parent, "clone", {flags_arg("flags", SIGCHLD, "SIGCHLD")}, child);
  ProcessInfo& p = process_record(child);
  p.parent = Pid{parent};
  p.created_by = c;
  p.threads = {Tid{child}};
  // The child's first event: the spawn edge's target.
  Seq first = sys(child, "set_robust_list", {}, 0);
  trace_.edges.push_back({c, first, EdgeKind::Spawn});
  return child;
}

std::int32_t TraceBuilder::spawn(std::int32_t parent, std::vector<std::string> argv,
                                 std::string path) {
  std::int32_t child = fork(parent);
  if (path.empty()) path = argv.front();
  Seq s = sys(child, "execve", {path_arg("pathname", path), argv_arg(argv)}, 0);
  std::string cwd = trace_.run.cwd;
  process_record(child).execs.push_back({s, path, argv, cwd});
  return child;
}

std::int32_t TraceBuilder::thread(std::int32_t pid) {
  std::int32_t tid = next_pid_++;
  Seq c = sys(pid, "clone", {flags_arg("flags", 0x3d0f00, "CLONE_VM|CLONE_THREAD")}, tid);
  process_record(pid).threads.push_back(Tid{tid});
  Seq first = sys(pid, "set_robust_list", {}, 0, 0, {}, tid);
  trace_.edges.push_back({c, first, EdgeKind::Spawn});
  return tid;
}

void TraceBuilder::exit(std::int32_t pid, int code, int signal) {
  if (signal == 0) {
    Seq s = sys(pid, "exit_group", {int_arg("status", code)}, 0);
    trace_.events[s].finished = false;
    process_record(pid).exit_code = code;
  } else {
    process_record(pid).exit_signal = signal;
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

Seq TraceBuilder::open(std::int32_t pid, const std::string& path, std::int64_t flags,
                       std::int64_t fd, std::int64_t mode, int err) {
  return sys(pid, "openat",
             {fd_arg("dirfd", AT_FDCWD, {}), path_arg("pathname", path), flags_arg("flags", flags),
              mode_arg("mode", mode)},
             fd, err, err == 0 ? path : std::string{});
}

Seq TraceBuilder::write(std::int32_t pid, std::int64_t fd, const std::string& bytes,
                        std::size_t head_limit, std::int32_t tid) {
  return sys(pid, "write",
             {fd_arg("fd", fd), buf_arg("buf", bytes, head_limit),
              int_arg("count", static_cast<std::int64_t>(bytes.size()))},
             static_cast<std::int64_t>(bytes.size()), 0, {}, tid);
}

Seq TraceBuilder::read(std::int32_t pid, std::int64_t fd, const std::string& bytes) {
  return sys(pid, "read", {fd_arg("fd", fd), buf_arg("buf", bytes, 4096), int_arg("count", 4096)},
             static_cast<std::int64_t>(bytes.size()));
}

Seq TraceBuilder::close(std::int32_t pid, std::int64_t fd) {
  return sys(pid, "close", {fd_arg("fd", fd)}, 0);
}

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
  return sys(pid, "connect",
             {fd_arg("sockfd", fd), sockaddr_arg("addr", endpoint), int_arg("addrlen", 16)}, 0,
             err);
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

TraceBuilder& TraceBuilder::edge(Seq from, Seq to, EdgeKind kind) {
  trace_.edges.push_back({from, to, kind});
  return *this;
}

TraceBuilder& TraceBuilder::wall(Nanos w) {
  trace_.run.wall_time = w;
  return *this;
}

TraceBuilder& TraceBuilder::syscall_numbers(std::function<int(std::string_view)> number_of) {
  number_of_ = std::move(number_of);
  return *this;
}

namespace {

// Lamport clocks from program order (a thread is a (pid, tid) until its Exit) and the
// edges, in topological order; false on a cycle or an edge to no event.
bool clocks_from_edges(Trace& t) {
  const std::size_t n = t.events.size();
  std::vector<std::vector<Seq>> out(n);
  std::vector<std::size_t> in_degree(n, 0);
  std::map<std::pair<std::int32_t, std::int32_t>, Seq> last_of_thread;
  for (const Event& e : t.events) {
    const auto thread = std::make_pair(e.pid.value, e.tid.value);
    if (auto it = last_of_thread.find(thread); it != last_of_thread.end()) {
      out[it->second].push_back(e.seq);
      ++in_degree[e.seq];
    }
    if (e.kind == EventKind::Exit)
      last_of_thread.erase(thread);
    else
      last_of_thread[thread] = e.seq;
  }
  for (const Edge& edge : t.edges) {
    if (edge.from >= n || edge.to >= n) return false;
    out[edge.from].push_back(edge.to);
    ++in_degree[edge.to];
  }
  std::vector<LamportTime> clock(n, 1);
  std::vector<Seq> ready;
  for (Seq s = 0; s < n; ++s)
    if (in_degree[s] == 0) ready.push_back(s);
  std::size_t done = 0;
  while (!ready.empty()) {
    const Seq s = ready.back();
    ready.pop_back();
    ++done;
    for (Seq next : out[s]) {
      clock[next] = std::max(clock[next], clock[s] + 1);
      if (--in_degree[next] == 0) ready.push_back(next);
    }
  }
  if (done != n) return false;
  for (Event& e : t.events) e.lamport = clock[e.seq];
  return true;
}

}  // namespace

Trace TraceBuilder::build(Clocks clocks) const {
  Trace t = trace_;
  if (t.run.wall_time.count() == 0)
    for (const Event& e : t.events) t.run.wall_time = std::max(t.run.wall_time, e.end());
  if (clocks == Clocks::Sequential) return t;
  for (Event& e : t.events) e.lamport = 0;
  if (clocks == Clocks::FromEdges) clocks_from_edges(t);  // a broken trace keeps clocks 0
  return t;
}

TraceFile TraceBuilder::file() const {
  return file_of({build()});
}

TraceFile file_of(std::vector<Trace> runs) {
  TraceFile f;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].run.index = static_cast<std::uint32_t>(i);
    f.runs.push_back(std::move(runs[i]));
  }
  return f;
}

}  // namespace golden::test
