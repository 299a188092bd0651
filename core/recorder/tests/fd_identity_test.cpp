// The open file description behind each fd (Arg::ofd, Event::ret_ofds): what the
// recorder knows from its fd tables, written into the trace so that comparison need not
// replay dup/close/fork (tests/programs/fd_identity.c).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "recorder_harness.hpp"

namespace golden::test {
namespace {

namespace fs = std::filesystem;

const Arg* fd_arg(const Event& e) {
  for (const Arg& a : e.args)
    if (a.kind == ArgKind::Fd) return &a;
  return nullptr;
}

std::uint32_t ofd_of(const Event* e) {
  const Arg* a = e != nullptr ? fd_arg(*e) : nullptr;
  return a != nullptr ? a->ofd : 0;
}

// The open of the file named `leaf`, the `nth` one.
const Event* open_of(const Trace& t, std::string_view leaf, std::size_t nth = 0) {
  for (const Event* e : syscalls(t, "openat")) {
    for (const Arg& a : e->args)
      if (a.kind == ArgKind::Path && a.str.ends_with(leaf) && nth-- == 0) return e;
  }
  return nullptr;
}

// Writes of `pid` (any process when unset) whose payload starts with `bytes`.
const Event* write_of(const Trace& t, std::string_view bytes, std::optional<Pid> pid = {}) {
  for (const Event* e : syscalls(t, "write", pid))
    for (const Arg& a : e->args)
      if (a.data && a.data->head.starts_with(bytes)) return e;
  return nullptr;
}

std::uint32_t returned(const Event* e, std::size_t i = 0) {
  return e != nullptr && i < e->ret_ofds.size() ? e->ret_ofds[i] : 0;
}

class FdIdentity : public ::testing::TestWithParam<std::string> {};

TEST_P(FdIdentity, RecordsTheDescriptionBehindEachFd) {
  // Directories of different shapes: under the build tree with a space and a non-ASCII
  // name, and under the system's temp directory, nested.
  const fs::path dir = fs::path(GetParam()) / ("run " + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const Captured c = capture_command({program("fd_identity"), dir.string()});
  fs::remove_all(dir);
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  ASSERT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  EXPECT_TRUE(t.run.fd_ids);
  const Pid root = root_process(t)->pid;

  // The run's standard streams.
  EXPECT_EQ(ofd_of(write_of(t, "out\n", root)), 2u);
  EXPECT_EQ(ofd_of(write_of(t, "err\n", root)), 3u);

  // Reuse after close: the same fd number, another description.
  const Event* first = open_of(t, "/first.txt");
  const Event* second = open_of(t, "/second.txt");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first->ret, second->ret);
  EXPECT_GE(returned(first), 4u);
  EXPECT_NE(returned(first), returned(second));
  EXPECT_EQ(ofd_of(write_of(t, "A")), returned(first));
  EXPECT_EQ(ofd_of(write_of(t, "B")), returned(second));

  // One file opened twice: two descriptions, neither the writer's.
  const Event* r1 = open_of(t, "/second.txt", 1);
  const Event* r2 = open_of(t, "/second.txt", 2);
  ASSERT_NE(r1, nullptr);
  ASSERT_NE(r2, nullptr);
  EXPECT_NE(returned(r1), returned(r2));
  EXPECT_NE(returned(r1), returned(second));

  // fork without exec: the child writes through its parent's description.
  const Event* from_child = write_of(t, "C");
  ASSERT_NE(from_child, nullptr);
  EXPECT_NE(from_child->pid, root);
  EXPECT_EQ(ofd_of(from_child), returned(second));
  EXPECT_EQ(ofd_of(write_of(t, "D", root)), returned(second));

  // close_range: r1's number is free again and names a new description.
  const Event* third = open_of(t, "/third.txt");
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(third->ret, r1->ret);
  EXPECT_NE(returned(third), returned(r1));
  EXPECT_EQ(ofd_of(write_of(t, "E")), returned(third));

  // CLONE_FILES: a thread opens, the main thread writes.
  const Event* by_thread = open_of(t, "/thread.txt");
  ASSERT_NE(by_thread, nullptr);
  EXPECT_NE(by_thread->tid.value, root.value);
  const Event* f = write_of(t, "F");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->tid.value, root.value);
  EXPECT_EQ(ofd_of(f), returned(by_thread));

  // dup2 of a pipe's write end onto stdout, then fork+exec: the child's stdout is the pipe.
  const auto pipes = syscalls(t, "pipe2", root);
  const auto pipes_old = syscalls(t, "pipe", root);
  const Event* pipe = !pipes.empty()       ? pipes.front()
                      : !pipes_old.empty() ? pipes_old.front()
                                           : nullptr;
  ASSERT_NE(pipe, nullptr);
  ASSERT_EQ(pipe->ret_ofds.size(), 2u);
  EXPECT_NE(pipe->ret_ofds[0], pipe->ret_ofds[1]);
  const Event* in_child = write_of(t, "from child");
  ASSERT_NE(in_child, nullptr);
  EXPECT_NE(in_child->pid, root);
  EXPECT_EQ(fd_arg(*in_child)->raw, 1);
  EXPECT_EQ(ofd_of(in_child), pipe->ret_ofds[1]);
  const auto dup2s = syscalls(t, "dup2", root);
  ASSERT_EQ(dup2s.size(), 2u);
  EXPECT_EQ(returned(dup2s[0]), pipe->ret_ofds[1]);
  EXPECT_EQ(returned(dup2s[1]), 2u);  // stdout restored from its dup
  // The parent forwards the child's line to its restored stdout.
  const auto forwarded = syscalls(t, "write", root);
  ASSERT_FALSE(forwarded.empty());
  EXPECT_EQ(ofd_of(forwarded.back()), 2u);
}

INSTANTIATE_TEST_SUITE_P(
    Dirs, FdIdentity,
    ::testing::Values(std::string(GOLDEN_BINARY_DIR) + "/fd identity/dossier é",
                      (fs::temp_directory_path() / "golden-fdid" / "a" / "b").string()));

}  // namespace
}  // namespace golden::test
