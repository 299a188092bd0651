// Generates a large, realistic golden-trace file for ci/bench_compare.sh: a parent that
// starts many children; each loads libraries (runtime noise), reads an input, writes a
// file and stdout in chunks, and exits. Two variants of the same behaviour differ in
// pids, temp directory and write chunking, so comparing them exercises every
// normalization rule and ends equivalent; "mutated" changes one output line.
//
//   golden_equivalence_tracegen OUT.json EVENTS {a|b|mutated}
#include <fcntl.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "golden/io/trace_writer.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "golden/model/payload_hash.hpp"

namespace {

using namespace golden;

struct Gen {
  Trace t;
  bool rechunk = false;  // variant b: the same bytes in other chunks
  std::string dir;

  Seq add(std::int32_t pid, const char* name, std::vector<Arg> args, std::int64_t ret,
          std::string ret_ref = {}) {
    Event e;
    e.seq = t.events.size();
    e.pid = Pid{pid};
    e.tid = Tid{pid};
    e.name = name;
    e.args = std::move(args);
    for (Arg& a : e.args)
      if (a.text.empty()) a.text = conventional_text(a);
    e.ret = ret;
    e.err = ret < 0 ? static_cast<int>(-ret) : 0;
    e.ret_ref = std::move(ret_ref);
    e.start = Nanos{static_cast<std::int64_t>(e.seq) * 2000};
    e.duration = Nanos{800};
    e.lamport = e.seq + 1;
    t.events.push_back(std::move(e));
    return t.events.back().seq;
  }
  static Arg fd(std::int64_t v) {
    Arg a;
    a.name = "fd";
    a.kind = ArgKind::Fd;
    a.raw = v;
    return a;
  }
  static Arg path(std::string p) {
    Arg a;
    a.name = "pathname";
    a.kind = ArgKind::Path;
    a.str = std::move(p);
    return a;
  }
  static Arg num(const char* name, std::int64_t v, ArgKind k = ArgKind::Int) {
    Arg a;
    a.name = name;
    a.kind = k;
    a.raw = v;
    return a;
  }
  static Arg flags(std::int64_t v) {
    Arg a = num("flags", v, ArgKind::Flags);
    a.text = std::to_string(v);
    return a;
  }
  static Arg buf(const std::string& bytes) {
    Arg a;
    a.name = "buf";
    a.kind = ArgKind::Buffer;
    Payload p;
    p.length = bytes.size();
    p.hash = StreamHash::of(bytes).value();
    p.head = bytes.substr(0, 256);
    a.data = p;
    return a;
  }
  void open(std::int32_t pid, const std::string& p, std::int64_t fl, std::int64_t fdv) {
    Arg dirfd = fd(AT_FDCWD);
    dirfd.name = "dirfd";
    dirfd.text = "AT_FDCWD";
    add(pid, "openat", {dirfd, path(p), flags(fl), num("mode", 0666, ArgKind::Mode)}, fdv, p);
  }
  void write(std::int32_t pid, std::int64_t f, const std::string& bytes, bool split = false) {
    if (split && bytes.size() > 1) {
      std::size_t h = bytes.size() / 2;
      add(pid, "write", {fd(f), buf(bytes.substr(0, h)), num("count", static_cast<std::int64_t>(h))},
          static_cast<std::int64_t>(h));
      add(pid, "write", {fd(f), buf(bytes.substr(h)), num("count", static_cast<std::int64_t>(bytes.size() - h))},
          static_cast<std::int64_t>(bytes.size() - h));
    } else {
      add(pid, "write", {fd(f), buf(bytes), num("count", static_cast<std::int64_t>(bytes.size()))},
          static_cast<std::int64_t>(bytes.size()));
    }
  }
  void noise(std::int32_t pid) {
    Arg p = num("addr", 0x7f0000000000, ArgKind::Ptr);
    add(pid, "brk", {num("addr", 0)}, 0x5555000);
    for (const char* lib : {"/etc/ld.so.cache", "/lib/x86_64-linux-gnu/libc.so.6",
                            "/lib/x86_64-linux-gnu/libm.so.6"}) {
      open(pid, lib, O_RDONLY | O_CLOEXEC, 3);
      add(pid, "mmap", {p, num("length", 8192)}, 0x7f0000001000);
      add(pid, "close", {fd(3)}, 0);
    }
    add(pid, "futex", {p, num("op", 129)}, 0);
    add(pid, "clock_gettime", {num("clockid", 1)}, 0);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s OUT.json EVENTS {a|b|mutated}\n", argv[0]);
    return 2;
  }
  const std::string out = argv[1];
  const std::size_t target = std::strtoull(argv[2], nullptr, 10);
  const std::string variant = argv[3];

  Gen g;
  g.rechunk = variant == "b";
  const std::int32_t root = variant == "b" ? 52000 : 1000;
  g.dir = variant == "b" ? "/tmp/tmp.Zz9Yy8Xx7W" : "/tmp/tmp.Aa1Bb2Cc3D";
  g.t.run.cwd = g.dir;
  g.t.run.command = {"/usr/bin/batch", g.dir};
  g.t.run.wall_time = Nanos{static_cast<std::int64_t>(target) * 2000};
  ProcessInfo rp;
  rp.pid = Pid{root};
  rp.threads = {Tid{root}};
  rp.peak_rss_kb = 4096;
  rp.exit_code = 0;
  {
    Arg av;
    av.name = "argv";
    av.kind = ArgKind::Argv;
    av.list = g.t.run.command;
    Seq s = g.add(root, "execve", {Gen::path("/usr/bin/batch"), av}, 0);
    rp.execs.push_back({s, "/usr/bin/batch", g.t.run.command, g.dir});
  }
  g.noise(root);

  // Every variant starts the same number of children (30 events each in variant a;
  // variant b chunks its writes differently and pads with clock reads to match).
  const std::size_t n_children = target > 40 ? (target - 40) / 30 : 1;
  std::vector<ProcessInfo> children;
  std::int32_t next = root + 1;
  for (std::size_t i = 0; i < n_children; ++i) {
    const std::int32_t pid = next++;
    Seq clone = g.add(root, "clone", {Gen::flags(17)}, pid);
    ProcessInfo p;
    p.pid = Pid{pid};
    p.parent = Pid{root};
    p.created_by = clone;
    p.threads = {Tid{pid}};
    p.peak_rss_kb = 1024 + i % 7;
    std::vector<std::string> cargv = {"worker", std::to_string(i), g.dir + "/out" + std::to_string(i % 50)};
    Arg av;
    av.name = "argv";
    av.kind = ArgKind::Argv;
    av.list = cargv;
    Seq first = g.add(pid, "execve", {Gen::path("/usr/bin/worker"), av}, 0);
    g.t.edges.push_back({clone, first, EdgeKind::Spawn});
    p.execs.push_back({first, "/usr/bin/worker", cargv, g.dir});
    g.noise(pid);
    g.open(pid, "/etc/inputs/in" + std::to_string(i % 20) + ".txt", O_RDONLY, 3);
    g.add(pid, "read", {Gen::fd(3), Gen::buf("input data\n"), Gen::num("count", 4096)}, 11);
    g.add(pid, "close", {Gen::fd(3)}, 0);
    std::string file = g.dir + "/out" + std::to_string(i) + ".txt";
    g.open(pid, file, O_WRONLY | O_CREAT | O_TRUNC, 4);
    auto file_line = [&](int k) {
      return "worker " + std::to_string(i) + " wrote line " + std::to_string(k) + " into " + file + "\n";
    };
    if (g.rechunk) {
      for (int k = 0; k < 8; k += 2) g.write(pid, 4, file_line(k) + file_line(k + 1));
      for (int k = 0; k < 3; ++k) g.add(pid, "clock_gettime", {Gen::num("clockid", 1)}, 0);
    } else {
      for (int k = 0; k < 8; ++k) g.write(pid, 4, file_line(k));
    }
    g.add(pid, "close", {Gen::fd(4)}, 0);
    std::string line = "worker " + std::to_string(i) + " done\n";
    if (variant == "mutated" && i == n_children / 2) line = "worker " + std::to_string(i) + " DONE\n";
    g.write(pid, 1, line, g.rechunk);
    Seq last = g.add(pid, "exit_group", {Gen::num("status", 0)}, 0);
    g.t.events[last].finished = false;
    Seq w = g.add(root, "wait4", {Gen::num("pid", pid)}, pid);
    g.t.edges.push_back({last, w, EdgeKind::Reap});
    p.exit_code = 0;
    children.push_back(p);
  }
  g.write(root, 1, "all done\n");
  Seq end = g.add(root, "exit_group", {Gen::num("status", 0)}, 0);
  g.t.events[end].finished = false;
  g.t.processes.push_back(rp);
  for (auto& c : children) g.t.processes.push_back(c);
  g.t.run.exit_status = 0;

  TraceFile f;
  f.header.tool = "golden_equivalence_tracegen";
  f.header.string_limit = 256;
  f.runs.push_back(std::move(g.t));
  Status st = write_trace(f, out, {.sync = false});
  if (!st) {
    std::fprintf(stderr, "tracegen: %s\n", st.error().to_string().c_str());
    return 1;
  }
  std::printf("%s: %zu events, %zu processes\n", out.c_str(), f.runs[0].events.size(),
              f.runs[0].processes.size());
  return 0;
}
