// What a capture records (SPEC §3 "Per event", "Per process", "Lamport ordering"):
// process trees, exec records, spawn/reap/data/signal edges, and the clock and timing
// invariants on every program's trace.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "cases.hpp"
#include "golden_cli.hpp"
#include "test_support_names.hpp"
#include "trace_checks.hpp"

namespace golden::e2e {
namespace {

// Captures `command` (cwd = a fresh temp dir) and keeps the trace.
struct Captured {
  TempDir dir;
  RunResult result;
  TraceFile file;
  const Trace& trace() const { return file.runs.at(0); }
};

::testing::AssertionResult capture_into(Captured& c, const std::vector<std::string>& command,
                                        const std::vector<std::string>& options = {}) {
  std::string path = c.dir.file("trace.json");
  c.result = capture(path, command, options, {.cwd = c.dir.path(), .timeout = 60s});
  if (c.result.timed_out) return ::testing::AssertionFailure() << c.result.describe();
  auto file = load_trace(path);
  if (!file.ok()) return ::testing::AssertionFailure() << file.error().to_string() << "\n" << c.result.describe();
  if (file->runs.size() != 1) return ::testing::AssertionFailure() << file->runs.size() << " runs";
  // golden dies of a signal only when the program did (end_like_program).
  if (!c.result.exited() && file->runs[0].run.exit_status != 128 + c.result.term_signal)
    return ::testing::AssertionFailure() << "golden died by a signal\n" << c.result.describe();
  c.file = std::move(file.value());
  return ::testing::AssertionSuccess();
}

const ProcessInfo* root_of(const Trace& t) {
  for (const ProcessInfo& p : t.processes)
    if (p.parent.value == 0) return &p;
  return nullptr;
}

std::vector<const ProcessInfo*> children_of(const Trace& t, Pid parent) {
  std::vector<const ProcessInfo*> v;
  for (const ProcessInfo& p : t.processes)
    if (p.parent == parent && p.parent.value != 0) v.push_back(&p);
  std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->start < b->start; });
  return v;
}

std::vector<Edge> edges_of(const Trace& t, EdgeKind kind) {
  std::vector<Edge> v;
  for (const Edge& e : t.edges)
    if (e.kind == kind) v.push_back(e);
  return v;
}

std::optional<Seq> first_event_of(const Trace& t, Pid pid) {
  for (const Event& e : t.events)
    if (e.pid == pid) return e.seq;
  return std::nullopt;
}

// The payload head of a write/read-like event's buffer argument, "" if none.
std::string payload_head(const Event& e) {
  for (const Arg& a : e.args)
    if (a.kind == ArgKind::Buffer && a.data) return a.data->head;
  return "";
}

const Arg* arg_of_kind(const Event& e, ArgKind kind) {
  for (const Arg& a : e.args)
    if (a.kind == kind) return &a;
  return nullptr;
}

// The successful event (syscall `name`, pid, payload head) or nullptr.
const Event* find_io(const Trace& t, std::string_view name, Pid pid, std::string_view head) {
  for (const Event& e : t.events)
    if (e.kind == EventKind::Syscall && e.name == name && e.pid == pid && e.err == 0 && payload_head(e) == head)
      return &e;
  return nullptr;
}

bool has_edge(const Trace& t, EdgeKind kind, Seq from, Seq to) {
  return std::find(t.edges.begin(), t.edges.end(), Edge{from, to, kind}) != t.edges.end();
}

TEST(TraceContent, ForkExecWaitHasProcessTreeExecsAndSpawnReapEdges) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("fork_exec_wait")}));
  const Trace& t = c.trace();
  std::string dump = summarize(t, 400);
  const std::string cwd = std::filesystem::canonical(c.dir.path()).string();

  const ProcessInfo* root = root_of(t);
  ASSERT_NE(root, nullptr) << dump;
  ASSERT_EQ(root->execs.size(), 1u) << dump;
  EXPECT_EQ(root->execs[0].path, tracee("fork_exec_wait"));
  EXPECT_EQ(root->execs[0].argv, std::vector<std::string>{tracee("fork_exec_wait")});
  EXPECT_EQ(root->execs[0].cwd, cwd);
  EXPECT_EQ(root->exit_code, std::optional<int>(0));
  EXPECT_EQ(t.processes.size(), 3u) << dump;

  auto kids = children_of(t, root->pid);
  ASSERT_EQ(kids.size(), 2u) << dump;
  const std::vector<std::vector<std::string>> argvs = {{"/bin/echo", "hello", "from", "echo"}, {"/bin/true"}};
  for (std::size_t i = 0; i < 2; ++i) {
    const ProcessInfo& kid = *kids[i];
    SCOPED_TRACE("child " + std::to_string(i + 1) + " pid " + std::to_string(kid.pid.value));
    ASSERT_EQ(kid.execs.size(), 1u) << dump;
    EXPECT_EQ(kid.execs[0].path, argvs[i][0]);
    EXPECT_EQ(kid.execs[0].argv, argvs[i]);
    EXPECT_EQ(kid.execs[0].cwd, cwd);
    ASSERT_LT(kid.execs[0].seq, t.events.size());
    EXPECT_EQ(t.events[kid.execs[0].seq].name, "execve");
    EXPECT_EQ(t.events[kid.execs[0].seq].pid, kid.pid);
    EXPECT_EQ(kid.exit_code, std::optional<int>(0));
    EXPECT_EQ(kid.name(), i == 0 ? "echo" : "true");
    EXPECT_GE(kid.start, root->start);
    EXPECT_GE(kid.end, kid.start);

    // Created by a fork-like call of the root, which returned the child's pid.
    ASSERT_TRUE(kid.created_by.has_value()) << dump;
    ASSERT_LT(*kid.created_by, t.events.size());
    const Event& fork_ev = t.events[*kid.created_by];
    EXPECT_EQ(fork_ev.pid, root->pid);
    EXPECT_TRUE(fork_ev.name == "clone" || fork_ev.name == "clone3" || fork_ev.name == "fork") << fork_ev.name;
    EXPECT_EQ(fork_ev.ret, kid.pid.value);
    // Spawn edge: that call -> the child's first event.
    auto first = first_event_of(t, kid.pid);
    ASSERT_TRUE(first.has_value());
    EXPECT_TRUE(has_edge(t, EdgeKind::Spawn, *kid.created_by, *first)) << dump;
    // Reap edge: an event of the child -> the root's wait4 that returned its pid.
    bool reaped = false;
    for (const Edge& e : edges_of(t, EdgeKind::Reap)) {
      const Event& to = t.events.at(e.to);
      if (t.events.at(e.from).pid == kid.pid && to.pid == root->pid && to.name == "wait4" && to.ret == kid.pid.value)
        reaped = true;
    }
    EXPECT_TRUE(reaped) << "no reap edge from child " << kid.pid.value << " into the wait4 that returned it\n" << dump;
  }
  EXPECT_LT(kids[0]->end, kids[1]->start) << "child 2 is forked after child 1 was reaped";
  EXPECT_TRUE(check_all(t, c.result.elapsed).empty()) << join(check_all(t, c.result.elapsed));
}

TEST(TraceContent, VforkChildIsCreatedByVforkAndExecsEcho) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("vfork_exec")}));
  const Trace& t = c.trace();
  std::string dump = summarize(t, 400);
  const ProcessInfo* root = root_of(t);
  ASSERT_NE(root, nullptr) << dump;
  auto kids = children_of(t, root->pid);
  ASSERT_EQ(kids.size(), 1u) << dump;
  ASSERT_TRUE(kids[0]->created_by.has_value());
  const Event& creator = t.events.at(*kids[0]->created_by);
  // glibc's vfork() is the vfork syscall; clone with CLONE_VFORK would also be right.
  bool vfork_like = creator.name == "vfork";
  for (const Arg& a : creator.args)
    if (a.text.find("CLONE_VFORK") != std::string::npos) vfork_like = true;
  EXPECT_TRUE(vfork_like) << creator.name;
  EXPECT_EQ(creator.ret, kids[0]->pid.value);
  ASSERT_EQ(kids[0]->execs.size(), 1u) << dump;
  EXPECT_EQ(kids[0]->execs[0].argv, (std::vector<std::string>{"/bin/echo", "from", "vfork", "child"}));
}

TEST(TraceContent, PipeChainHasDataEdgesFromWriteToRead) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("pipe_chain")}));
  const Trace& t = c.trace();
  std::string dump = summarize(t, 400);
  const ProcessInfo* root = root_of(t);
  ASSERT_NE(root, nullptr) << dump;
  auto kids = children_of(t, root->pid);
  ASSERT_EQ(kids.size(), 1u) << dump;
  auto grandkids = children_of(t, kids[0]->pid);
  ASSERT_EQ(grandkids.size(), 1u) << dump;

  struct Hop {
    Pid writer, reader;
    std::string bytes;
  };
  for (const Hop& hop : {Hop{root->pid, kids[0]->pid, "hello through pipes\n"},
                         Hop{kids[0]->pid, grandkids[0]->pid, "HELLO THROUGH PIPES\n"}}) {
    SCOPED_TRACE(hop.bytes);
    const Event* w = find_io(t, "write", hop.writer, hop.bytes);
    const Event* r = find_io(t, "read", hop.reader, hop.bytes);
    ASSERT_NE(w, nullptr) << dump;
    ASSERT_NE(r, nullptr) << dump;
    EXPECT_EQ(w->ret, static_cast<std::int64_t>(hop.bytes.size()));
    EXPECT_EQ(r->ret, static_cast<std::int64_t>(hop.bytes.size()));
    EXPECT_TRUE(has_edge(t, EdgeKind::Data, w->seq, r->seq)) << dump;
    EXPECT_LT(w->lamport, r->lamport);
    // The fds are named by what they refer to.
    const Arg* wfd = arg_of_kind(*w, ArgKind::Fd);
    const Arg* rfd = arg_of_kind(*r, ArgKind::Fd);
    ASSERT_NE(wfd, nullptr);
    ASSERT_NE(rfd, nullptr);
    EXPECT_EQ(wfd->str.rfind("pipe:[", 0), 0u) << wfd->str;
    EXPECT_EQ(wfd->str, rfd->str) << "both ends name the same pipe inode";
  }
  EXPECT_TRUE(check_all(t, c.result.elapsed).empty()) << join(check_all(t, c.result.elapsed));
}

TEST(TraceContent, SocketsHaveEndpointsAndCrossProcessDataEdges) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("sockets")}));
  const Trace& t = c.trace();
  std::string dump = summarize(t, 400);
  const ProcessInfo* root = root_of(t);
  ASSERT_NE(root, nullptr) << dump;
  auto kids = children_of(t, root->pid);
  ASSERT_EQ(kids.size(), 4u) << dump;

  // TCP: "ping" child -> parent, "pong" parent -> child; socketpair both ways; unix send
  // -> recv; TCP "early", written before the server's accept.
  struct Hop {
    std::string wname, rname;
    Pid writer, reader;
    std::string bytes;
  };
  const std::vector<Hop> hops = {
      {"write", "read", kids[0]->pid, root->pid, "ping"},
      {"write", "read", root->pid, kids[0]->pid, "pong"},
      {"write", "read", kids[1]->pid, root->pid, "hello parent"},
      {"write", "read", root->pid, kids[1]->pid, "hello child"},
      // glibc's send/recv are the sendto/recvfrom syscalls.
      {"sendto", "recvfrom", kids[2]->pid, root->pid, "hello unix"},
      {"write", "read", kids[3]->pid, root->pid, "early"},
  };
  for (const Hop& hop : hops) {
    SCOPED_TRACE(hop.bytes);
    const Event* w = find_io(t, hop.wname, hop.writer, hop.bytes);
    const Event* r = find_io(t, hop.rname, hop.reader, hop.bytes);
    ASSERT_NE(w, nullptr) << dump;
    ASSERT_NE(r, nullptr) << dump;
    EXPECT_TRUE(has_edge(t, EdgeKind::Data, w->seq, r->seq)) << dump;
    EXPECT_LT(w->lamport, r->lamport);
    const Arg* fd = arg_of_kind(*w, ArgKind::Fd);
    ASSERT_NE(fd, nullptr);
    EXPECT_EQ(fd->str.rfind("socket:", 0), 0u) << fd->str;
  }
  // The endpoints: bind/connect decode their sockaddrs canonically.
  bool tcp_connect = false, unix_connect = false;
  const std::string unix_path = "unix:/tmp/golden-sockets-" + std::to_string(root->pid.value) + ".sock";
  for (const Event& e : t.events) {
    if (e.kind != EventKind::Syscall || e.name != "connect") continue;
    const Arg* sa = arg_of_kind(e, ArgKind::Sockaddr);
    ASSERT_NE(sa, nullptr) << "connect without a decoded sockaddr";
    if (sa->str.rfind("127.0.0.1:", 0) == 0 && sa->str.size() > 10) tcp_connect = true;
    if (sa->str == unix_path) unix_connect = true;
  }
  EXPECT_TRUE(tcp_connect) << dump;
  EXPECT_TRUE(unix_connect) << "expected a connect to " << unix_path << "\n" << dump;
}

TEST(TraceContent, KillToAnotherProcessHasASignalEdgeToTheDelivery) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("signals")}));
  const Trace& t = c.trace();
  std::string dump = summarize(t, 400);
  const ProcessInfo* root = root_of(t);
  ASSERT_NE(root, nullptr) << dump;
  const Event* kill_ev = nullptr;
  for (const Event& e : t.events)
    if (e.kind == EventKind::Syscall && e.name == "kill" && e.pid == root->pid && e.err == 0) kill_ev = &e;
  ASSERT_NE(kill_ev, nullptr) << dump;
  const ProcessInfo* target = t.process(Pid{static_cast<std::int32_t>(kill_ev->args.at(0).raw)});
  ASSERT_NE(target, nullptr) << dump;
  EXPECT_EQ(target->exit_code, std::optional<int>(7));
  const Event* delivery = nullptr;
  for (const Event& e : t.events)
    if (e.kind == EventKind::Signal && e.pid == target->pid && e.name == "SIGUSR1") delivery = &e;
  ASSERT_NE(delivery, nullptr) << dump;
  EXPECT_EQ(delivery->nr, 10);
  EXPECT_TRUE(has_edge(t, EdgeKind::Signal, kill_ev->seq, delivery->seq)) << dump;
  EXPECT_LT(kill_ev->lamport, delivery->lamport);
}

TEST(TraceContent, ThreadsAreOneProcessWithFiveThreadsAndSpawnEdges) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("threads")}));
  const Trace& t = c.trace();
  std::string dump = summarize(t, 100);
  ASSERT_EQ(t.processes.size(), 1u) << dump;
  const ProcessInfo& p = t.processes[0];
  EXPECT_EQ(p.threads.size(), 5u) << dump;
  ASSERT_FALSE(p.threads.empty());
  EXPECT_EQ(p.threads.front().value, p.pid.value) << "the leader first";
  std::size_t thread_spawns = 0;
  for (const Edge& e : edges_of(t, EdgeKind::Spawn)) {
    const Event& from = t.events.at(e.from);
    const Event& to = t.events.at(e.to);
    if (from.pid == p.pid && to.pid == p.pid && to.tid != from.tid) ++thread_spawns;
  }
  EXPECT_EQ(thread_spawns, 4u) << dump;
  // Each worker made its 25 writes to /dev/null under its own tid.
  std::map<std::int32_t, int> writes;
  for (const Event& e : t.events)
    if (e.kind == EventKind::Syscall && e.name == "write" && e.tid.value != p.pid.value) {
      const Arg* fd = arg_of_kind(e, ArgKind::Fd);
      if (fd != nullptr && fd->str == "/dev/null") writes[e.tid.value]++;
    }
  EXPECT_EQ(writes.size(), 4u) << dump;
  for (auto [tid, n] : writes) EXPECT_EQ(n, 25) << "tid " << tid;
}

TEST(TraceContent, ExecFromThreadKeepsThePidAndRecordsTheExec) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("exec_from_thread")}));
  const Trace& t = c.trace();
  std::string dump = summarize(t, 200);
  ASSERT_EQ(t.processes.size(), 1u) << dump;
  const ProcessInfo& p = t.processes[0];
  ASSERT_EQ(p.execs.size(), 2u) << dump;
  EXPECT_EQ(p.execs[1].path, "/proc/self/exe");
  EXPECT_EQ(p.execs[1].argv, (std::vector<std::string>{"exec_from_thread", "--after"}));
  EXPECT_EQ(p.exit_code, std::optional<int>(0));
  EXPECT_GE(p.threads.size(), 2u) << "the exec'ing thread was a second thread";
  // The main thread's pause never returned.
  bool unfinished_pause = false;
  for (const Event& e : t.events)
    if (e.kind == EventKind::Syscall && e.name == "pause" && e.tid.value == p.pid.value && !e.finished)
      unfinished_pause = true;
  EXPECT_TRUE(unfinished_pause) << dump;
  // The successful execve: it returned (0) in the new image.
  const Event& exec_ev = t.events.at(p.execs[1].seq);
  EXPECT_EQ(exec_ev.name, "execve");
  EXPECT_TRUE(exec_ev.finished);
  EXPECT_EQ(exec_ev.ret, 0);
}

TEST(TraceContent, RapidChildrenAreAllRecordedAndReaped) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("rapid_children")}));
  const Trace& t = c.trace();
  const ProcessInfo* root = root_of(t);
  ASSERT_NE(root, nullptr);
  auto kids = children_of(t, root->pid);
  ASSERT_EQ(kids.size(), 200u) << summarize(t, 40);
  int sum = 0;
  for (auto* k : kids) sum += k->exit_code.value_or(1000);
  EXPECT_EQ(sum, 594);
  std::size_t reaps = 0;
  for (const Edge& e : edges_of(t, EdgeKind::Reap))
    if (t.events.at(e.to).pid == root->pid) ++reaps;
  EXPECT_EQ(reaps, 200u);
  EXPECT_TRUE(check_all(t, c.result.elapsed).empty()) << join(check_all(t, c.result.elapsed));
}

TEST(TraceContent, KilledChildrenRecordTheirSignals) {
  Captured c;
  ASSERT_TRUE(capture_into(c, {tracee("killed_child")}));
  const Trace& t = c.trace();
  const ProcessInfo* root = root_of(t);
  ASSERT_NE(root, nullptr);
  auto kids = children_of(t, root->pid);
  ASSERT_EQ(kids.size(), 2u) << summarize(t, 200);
  EXPECT_EQ(kids[0]->exit_signal, std::optional<int>(9));
  EXPECT_EQ(kids[1]->exit_signal, std::optional<int>(15));
  EXPECT_FALSE(kids[0]->exit_code.has_value());
  EXPECT_EQ(shell_status(*kids[0]), std::optional<int>(137));
}

// Lamport clocks consistent with program order and every edge; sane times. On every
// program (and the system tools).
class TraceInvariants : public testing::TestWithParam<ProgramCase> {};

TEST_P(TraceInvariants, ClocksFollowProgramOrderAndEdgesAndTimesAreSane) {
  const ProgramCase& pc = GetParam();
  Captured c;
  ASSERT_TRUE(capture_into(c, pc.command()));
  std::vector<std::string> problems = check_all(c.trace(), c.result.elapsed);
  EXPECT_TRUE(problems.empty()) << join(problems) << summarize(c.trace(), 60);
  std::vector<std::string> anomalies = check_no_anomalies(c.trace());
  EXPECT_TRUE(anomalies.empty()) << join(anomalies);
}

INSTANTIATE_TEST_SUITE_P(Programs, TraceInvariants, testing::ValuesIn(program_cases()),
                         [](const auto& info) { return info.param.id; });

class ToolTraceInvariants : public testing::TestWithParam<ToolCase> {};

TEST_P(ToolTraceInvariants, ClocksFollowProgramOrderAndEdgesAndTimesAreSane) {
  Captured c;
  ASSERT_TRUE(capture_into(c, GetParam().command));
  std::vector<std::string> problems = check_all(c.trace(), c.result.elapsed);
  EXPECT_TRUE(problems.empty()) << join(problems) << summarize(c.trace(), 60);
  std::vector<std::string> anomalies = check_no_anomalies(c.trace());
  EXPECT_TRUE(anomalies.empty()) << join(anomalies);
}

INSTANTIATE_TEST_SUITE_P(Tools, ToolTraceInvariants, testing::ValuesIn(tool_cases()),
                         [](const auto& info) { return info.param.id; });

}  // namespace
}  // namespace golden::e2e
