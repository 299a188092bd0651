// Data edges: a write into a pipe or socket -> the read that consumed its bytes.
#include <gtest/gtest.h>

#include "golden/recorder/causality_check.hpp"
#include "recorder_harness.hpp"

namespace golden::test {
namespace {

void expect_causal(const Trace& trace) {
  const Status s = check_causality(trace);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

// The write of `bytes` by a process other than `reader`, and the read of the same
// count by `reader`'s process; expects a Data edge between them.
void expect_data_edge(const Trace& t, Pid writer, Pid reader, std::int64_t bytes) {
  const Event* write = nullptr;
  for (const Event* e : syscalls(t, "write", writer))
    if (e->ret == bytes) write = e;
  ASSERT_NE(write, nullptr) << "no write of " << bytes << " by " << writer.value;
  const Event* read = nullptr;
  for (const Event* e : syscalls(t, "read", reader))
    if (e->ret == bytes) read = e;
  ASSERT_NE(read, nullptr) << "no read of " << bytes << " by " << reader.value;
  EXPECT_TRUE(has_edge(t, EdgeKind::Data, write->seq, read->seq))
      << "write " << write->seq << " -> read " << read->seq;
  EXPECT_LT(write->lamport, read->lamport);
}

std::pair<Pid, Pid> root_and_child(const Trace& t) {
  const ProcessInfo* root = root_process(t);
  Pid child{};
  for (const auto& p : t.processes)
    if (p.parent == root->pid) child = p.pid;
  return {root->pid, child};
}

TEST(DataEdges, PipeFromChildToParent) {
  const Captured c = capture_command({program("pipe_parent_child")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  const auto [parent, child] = root_and_child(t);
  ASSERT_NE(child.value, 0);
  expect_data_edge(t, child, parent, 23);
  // The fds are described by what they are, like strace -y.
  const Event* write = syscalls(t, "write", child).front();
  ASSERT_FALSE(write->args.empty());
  EXPECT_EQ(write->args[0].str.rfind("pipe:[", 0), 0u) << write->args[0].str;
  const auto pipes = syscalls(t, "pipe2", parent).empty() ? syscalls(t, "pipe", parent)
                                                         : syscalls(t, "pipe2", parent);
  ASSERT_EQ(pipes.size(), 1u);
  EXPECT_EQ(counter(t, "recorder.data_unpaired_bytes"), 0u);
  expect_causal(t);
}

TEST(DataEdges, SocketpairPingPongBothWays) {
  const Captured c = capture_command({program("socket_pair")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  const auto [parent, child] = root_and_child(t);
  expect_data_edge(t, child, parent, 4);   // ping
  expect_data_edge(t, parent, child, 4);   // pong
  EXPECT_EQ(edges_of_kind(t, EdgeKind::Data).size(), 2u);
  expect_causal(t);
}

TEST(DataEdges, UnixStreamSocketAfterAccept) {
  const Captured c = capture_command({program("unix_stream")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  const auto [server, client] = root_and_child(t);
  expect_data_edge(t, client, server, 12);
  expect_causal(t);
}

TEST(DataEdges, TcpLoopback) {
  const Captured c = capture_command({program("tcp_loopback")});
  ASSERT_TRUE(c.outcome.ok());
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  const auto [server, client] = root_and_child(t);
  expect_data_edge(t, client, server, 9);
  // The accepted socket is named by its TCP endpoints.
  const auto accepts = syscalls(t, "accept", server);
  ASSERT_EQ(accepts.size(), 1u);
  EXPECT_NE(accepts[0]->ret_ref.find("TCP 127.0.0.1:"), std::string::npos) << accepts[0]->ret_ref;
  expect_causal(t);
}

}  // namespace
}  // namespace golden::test
