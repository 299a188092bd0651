#include "sample_trace.hpp"

#include <gtest/gtest.h>
#include <zstd.h>

#include "golden/model/arg_text.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden::io_test {
namespace {

Arg make_arg(std::string name, ArgKind kind, std::int64_t raw) {
  Arg a;
  a.name = std::move(name);
  a.kind = kind;
  a.raw = raw;
  a.text = conventional_text(a);
  return a;
}

Arg str_arg(std::string name, ArgKind kind, std::int64_t raw, std::string str) {
  Arg a;
  a.name = std::move(name);
  a.kind = kind;
  a.raw = raw;
  a.str = std::move(str);
  a.text = conventional_text(a);
  return a;
}

Arg text_arg(std::string name, ArgKind kind, std::int64_t raw, std::string text) {
  Arg a;
  a.name = std::move(name);
  a.kind = kind;
  a.raw = raw;
  a.text = std::move(text);
  return a;
}

Arg buffer_arg(std::string name, std::int64_t raw, const std::string& bytes, std::size_t limit) {
  Arg a;
  a.name = std::move(name);
  a.kind = ArgKind::Buffer;
  a.raw = raw;
  Payload p;
  p.length = bytes.size();
  p.hash = StreamHash::of(bytes).value();
  p.head = bytes.substr(0, limit);
  a.data = p;
  a.text = conventional_text(a);
  return a;
}

Event syscall(Pid pid, Tid tid, std::string name, int nr, std::vector<Arg> args, std::int64_t ret,
              std::int64_t start, std::int64_t dur) {
  Event e;
  e.pid = pid;
  e.tid = tid;
  e.name = std::move(name);
  e.nr = nr;
  e.args = std::move(args);
  e.ret = ret;
  e.start = Nanos{start};
  e.duration = Nanos{dur};
  return e;
}

void add(Trace& t, Event e) {
  e.seq = t.events.size();
  e.lamport = t.events.size() + 1;
  t.events.push_back(std::move(e));
}

}  // namespace

TraceFile sample_trace() {
  TraceFile f;
  f.header.tool = "golden 0.1.0";
  f.header.filter = "";
  f.header.string_limit = 32;

  Trace t;
  t.run.index = 0;
  t.run.command = {"sh", "-c", "cat /etc/hostname | tr a-z A-Z"};
  t.run.cwd = "/home/dev/caf\xc3\xa9";  // valid UTF-8, written as is
  t.run.env = {"HOME=/home/dev", "TMPDIR=/tmp/job 1"};
  t.run.uid = 1000;
  t.run.gid = 1000;
  t.run.start_wall = "2026-11-22T02:10:43Z";
  t.run.traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  const Pid sh{100}, cat{101};
  add(t, syscall(sh, Tid{100}, "execve", 59,
                 {str_arg("pathname", ArgKind::Path, 0x7ffd1000, "/bin/sh"),
                  [] {
                    Arg a;
                    a.name = "argv";
                    a.kind = ArgKind::Argv;
                    a.raw = 0x7ffd2000;
                    a.list = {"sh", "-c", "cat /etc/hostname | tr a-z A-Z"};
                    a.text = conventional_text(a);
                    return a;
                  }(),
                  text_arg("envp", ArgKind::Ptr, 0x7ffd3000, "0x7ffd3000 /* 12 vars */")},
                 0, 0, 250000));
  add(t, syscall(sh, Tid{100}, "openat", 257,
                 {make_arg("dirfd", ArgKind::Int, -100),
                  str_arg("pathname", ArgKind::Path, 0x5600, "/etc/ld.so.cache"),
                  text_arg("flags", ArgKind::Flags, 0x80000, "O_RDONLY|O_CLOEXEC")},
                 3, 260000, 4000));
  t.events.back().ret_ref = "/etc/ld.so.cache";
  {
    Event e = syscall(
        sh, Tid{100}, "openat", 257,
        {text_arg("dirfd", ArgKind::Int, -100, "AT_FDCWD"),
         // a path that is not UTF-8: must survive byte for byte
         str_arg("pathname", ArgKind::Path, 0x5610, std::string("/tmp/bad\xff\xfe name\n", 16)),
         text_arg("flags", ArgKind::Flags, 0, "O_RDONLY")},
        -2, 270000, 3000);
    e.err = 2;
    add(t, std::move(e));
  }
  add(t, syscall(sh, Tid{100}, "pipe2", 293,
                 {text_arg("pipefd", ArgKind::Struct, 0x7ffd4000, "[3, 4]"),
                  make_arg("flags", ArgKind::Hex, 0)},
                 0, 280000, 2000));
  add(t, syscall(sh, Tid{100}, "clone", 56,
                 {text_arg("flags", ArgKind::Flags, 0x1200011,
                           "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD")},
                 101, 290000, 60000));
  const Seq clone_seq = t.events.back().seq;
  add(t, syscall(cat, Tid{101}, "execve", 59,
                 {str_arg("pathname", ArgKind::Path, 0x5620, "/usr/bin/cat")}, 0, 360000, 300000));
  {
    Event e = syscall(
        cat, Tid{101}, "read", 0,
        {str_arg("fd", ArgKind::Fd, 3, "/etc/hostname"),
         buffer_arg("buf", 0x7ffd5000, std::string("build-host\0\x01\x7f\x80\"q\\\n", 18), 32),
         make_arg("count", ArgKind::UInt, 131072)},
        18, 700000, 9000);
    SourceLocation src;
    src.file = "src/cat.c";
    src.line = 112;
    src.function = "simple_cat";
    src.caller = "main (src/cat.c:740)";
    e.source = src;
    add(t, std::move(e));
  }
  add(t, syscall(cat, Tid{101}, "write", 1,
                 {str_arg("fd", ArgKind::Fd, 1, "pipe:[4242]"),
                  // longer than the -s limit: head is cut, hash covers everything
                  buffer_arg("buf", 0x7ffd5000, std::string(40, 'x') + "tail", 32),
                  make_arg("count", ArgKind::UInt, 44)},
                 44, 710000, 5000));
  const Seq write_seq = t.events.back().seq;
  add(t, syscall(cat, Tid{101}, "fchmodat", 268,
                 {make_arg("dirfd", ArgKind::Fd, -100),
                  str_arg("pathname", ArgKind::Path, 0x5630, "out.txt"),
                  make_arg("mode", ArgKind::Mode, 0644), make_arg("flags", ArgKind::Int, 0)},
                 0, 715000, 1000));
  add(t, syscall(cat, Tid{101}, "connect", 42,
                 {make_arg("sockfd", ArgKind::Fd, 5),
                  str_arg("addr", ArgKind::Sockaddr, 0x7ffd6000, "127.0.0.1:8080"),
                  make_arg("addrlen", ArgKind::UInt, 16)},
                 0, 716000, 1000));
  t.events.back().args[1].text =
      "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}";
  add(t, syscall(sh, Tid{100}, "read", 0,
                 {make_arg("fd", ArgKind::Fd, 3),
                  buffer_arg("buf", 0x7ffd7000, std::string(44, 'x'), 32),
                  make_arg("count", ArgKind::UInt, 4096)},
                 44, 720000, 80000));
  const Seq read_seq = t.events.back().seq;
  {
    Event e;
    e.kind = EventKind::Span;
    e.pid = sh;
    e.tid = Tid{102};
    e.name = "gpu.kernel";
    e.start = Nanos{730000};
    e.duration = Nanos{5000};
    add(t, std::move(e));
  }
  {
    Event e = syscall(cat, Tid{101}, "exit_group", 231, {make_arg("status", ArgKind::Int, 0)}, 0,
                      800000, 0);
    e.finished = false;
    add(t, std::move(e));
  }
  const Seq exit_seq = t.events.back().seq;
  {
    Event e;
    e.kind = EventKind::Exit;
    e.pid = cat;
    e.tid = Tid{101};
    e.name = "exit";
    e.ret = 0;
    e.start = Nanos{801000};
    add(t, std::move(e));
  }
  {
    Event e;
    e.kind = EventKind::Signal;
    e.pid = sh;
    e.tid = Tid{100};
    e.name = "SIGCHLD";
    e.nr = 17;
    e.start = Nanos{802000};
    add(t, std::move(e));
  }
  add(t, syscall(sh, Tid{100}, "wait4", 61,
                 {make_arg("pid", ArgKind::Int, -1),
                  text_arg("wstatus", ArgKind::Struct, 0x7ffd8000,
                           "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]"),
                  make_arg("options", ArgKind::Int, 0), make_arg("rusage", ArgKind::Ptr, 0)},
                 101, 803000, 1000));
  const Seq wait_seq = t.events.back().seq;
  add(t, syscall(sh, Tid{100}, "exit_group", 231, {make_arg("status", ArgKind::Int, 0)}, 0, 900000,
                 0));
  t.events.back().finished = false;

  t.edges = {{clone_seq, clone_seq + 1, EdgeKind::Spawn},
             {write_seq, read_seq, EdgeKind::Data},
             {exit_seq, wait_seq, EdgeKind::Reap}};

  // In start order, as the model promises (the reader sorts by start).
  ProcessInfo ps;
  ps.pid = sh;
  ps.parent = Pid{0};
  ps.execs = {{0, "/bin/sh", {"sh", "-c", "cat /etc/hostname | tr a-z A-Z"}, ""}};
  ps.exit_signal = 9;
  ps.core_dumped = true;
  ps.start = Nanos{0};
  ps.end = Nanos{900000};
  ps.threads = {Tid{100}, Tid{102}};
  t.processes.push_back(ps);

  ProcessInfo pc;
  pc.pid = cat;
  pc.parent = sh;
  pc.created_by = clone_seq;
  pc.execs = {{clone_seq + 1, "/usr/bin/cat", {"cat", "/etc/hostname"}, "/home/dev"}};
  pc.exit_code = 0;
  pc.start = Nanos{290000};
  pc.end = Nanos{801000};
  pc.peak_rss_kb = 1800;
  pc.user_time = Nanos{100000};
  pc.system_time = Nanos{200000};
  pc.threads = {Tid{101}};
  t.processes.push_back(pc);

  t.run.wall_time = Nanos{950000};
  t.run.exit_status = 137;
  t.run.counters = {{"recorder.lost_events", 0}, {"recorder.unknown_syscall", 2}};
  f.runs.push_back(t);

  // A second run (--runs 2), attached mode: no command, minimal content.
  Trace t2;
  t2.run.index = 1;
  t2.run.attached = {Pid{4000}, Pid{4001}};
  add(t2, syscall(Pid{4000}, Tid{4000}, "getppid", 110, {}, 1, 10, 20));
  f.runs.push_back(t2);
  return f;
}

TraceFile bulk_trace(std::size_t events) {
  TraceFile f;
  f.header.tool = "golden 0.1.0";
  f.header.string_limit = 32;
  Trace t;
  t.run.command = {"bench"};
  const std::string payload = "GET /index.html HTTP/1.1\r\nHost: example\r\n\r\n";
  for (std::size_t i = 0; i < events; ++i) {
    const Pid pid{1000 + static_cast<int>(i % 3)};
    switch (i % 4) {
      case 0:
        add(t, syscall(pid, Tid{pid.value}, "openat", 257,
                       {text_arg("dirfd", ArgKind::Int, -100, "AT_FDCWD"),
                        str_arg("pathname", ArgKind::Path,
                                0x55d0c0de0000 + static_cast<std::int64_t>(i),
                                "/usr/lib/x86_64-linux-gnu/libc.so.6"),
                        text_arg("flags", ArgKind::Flags, 0x80000, "O_RDONLY|O_CLOEXEC")},
                       3, static_cast<std::int64_t>(i) * 1000, 700));
        t.events.back().ret_ref = "/usr/lib/x86_64-linux-gnu/libc.so.6";
        break;
      case 1:
        add(t, syscall(pid, Tid{pid.value}, "read", 0,
                       {str_arg("fd", ArgKind::Fd, 3, "/usr/lib/x86_64-linux-gnu/libc.so.6"),
                        buffer_arg("buf", 0x7ffd5000, payload, 32),
                        make_arg("count", ArgKind::UInt, 832)},
                       static_cast<std::int64_t>(payload.size()),
                       static_cast<std::int64_t>(i) * 1000, 900));
        break;
      case 2:
        add(t, syscall(pid, Tid{pid.value}, "mmap", 9,
                       {make_arg("addr", ArgKind::Ptr, 0), make_arg("length", ArgKind::UInt, 8192),
                        text_arg("prot", ArgKind::Flags, 3, "PROT_READ|PROT_WRITE"),
                        text_arg("flags", ArgKind::Flags, 0x22, "MAP_PRIVATE|MAP_ANONYMOUS"),
                        make_arg("fd", ArgKind::Fd, -1), make_arg("offset", ArgKind::Hex, 0)},
                       0x7f1234560000, static_cast<std::int64_t>(i) * 1000, 400));
        break;
      default:
        add(t, syscall(pid, Tid{pid.value}, "close", 3, {make_arg("fd", ArgKind::Fd, 3)}, 0,
                       static_cast<std::int64_t>(i) * 1000, 300));
    }
  }
  f.runs.push_back(std::move(t));
  return f;
}

namespace {

void expect_same_event(const Event& a, const Event& b) {
  SCOPED_TRACE("event seq " + std::to_string(a.seq));
  EXPECT_EQ(a.seq, b.seq);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.pid, b.pid);
  EXPECT_EQ(a.tid, b.tid);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.nr, b.nr);
  EXPECT_EQ(a.args, b.args);
  EXPECT_EQ(a.ret, b.ret);
  EXPECT_EQ(a.err, b.err);
  EXPECT_EQ(a.ret_ref, b.ret_ref);
  EXPECT_EQ(a.finished, b.finished);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.duration, b.duration);
  EXPECT_EQ(a.lamport, b.lamport);
  EXPECT_EQ(a.source, b.source);
}

void expect_same_process(const ProcessInfo& a, const ProcessInfo& b) {
  SCOPED_TRACE("process " + std::to_string(a.pid.value));
  EXPECT_EQ(a.pid, b.pid);
  EXPECT_EQ(a.parent, b.parent);
  EXPECT_EQ(a.created_by, b.created_by);
  EXPECT_EQ(a.execs, b.execs);
  EXPECT_EQ(a.exit_code, b.exit_code);
  EXPECT_EQ(a.exit_signal, b.exit_signal);
  EXPECT_EQ(a.core_dumped, b.core_dumped);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
  EXPECT_EQ(a.peak_rss_kb, b.peak_rss_kb);
  EXPECT_EQ(a.user_time, b.user_time);
  EXPECT_EQ(a.system_time, b.system_time);
  EXPECT_EQ(a.threads, b.threads);
}

}  // namespace

void expect_same_trace(const TraceFile& expected, const TraceFile& actual) {
  EXPECT_EQ(expected.header.format, actual.header.format);
  EXPECT_EQ(expected.header.version, actual.header.version);
  EXPECT_EQ(expected.header.tool, actual.header.tool);
  EXPECT_EQ(expected.header.filter, actual.header.filter);
  EXPECT_EQ(expected.header.string_limit, actual.header.string_limit);
  EXPECT_EQ(expected.header.has_pids, actual.header.has_pids);
  EXPECT_EQ(expected.header.has_timing, actual.header.has_timing);
  EXPECT_EQ(expected.header.has_clocks, actual.header.has_clocks);
  ASSERT_EQ(expected.runs.size(), actual.runs.size());
  for (std::size_t r = 0; r < expected.runs.size(); ++r) {
    SCOPED_TRACE("run " + std::to_string(r));
    const Trace& a = expected.runs[r];
    const Trace& b = actual.runs[r];
    EXPECT_EQ(a.run, b.run);
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) expect_same_event(a.events[i], b.events[i]);
    EXPECT_EQ(a.edges, b.edges);
    ASSERT_EQ(a.processes.size(), b.processes.size());
    for (std::size_t i = 0; i < a.processes.size(); ++i)
      expect_same_process(a.processes[i], b.processes[i]);
  }
}

std::string fixture(const std::string& name) {
  return std::string(GOLDEN_SOURCE_DIR) + "/testdata/traces/" + name;
}

std::string zstd_compress(const std::string& text, int level) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  std::size_t n = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), level);
  if (ZSTD_isError(n)) ADD_FAILURE() << ZSTD_getErrorName(n);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

}  // namespace golden::io_test
