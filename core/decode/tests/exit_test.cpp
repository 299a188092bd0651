// Return values: errno, fds returned (ret_ref), fd pairs, kernel-internal restart codes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "fakes.hpp"
#include "golden/syscalls/abi_names.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::decode;
using testing::FakeFds;
using testing::finish;
using testing::SelfMemory;

TEST(Exit, OpenReturnsADescribedFd) {
  SelfMemory mem;
  FakeFds fds;
  const char path[] = "/etc/passwd";
  auto d = decode("openat", {static_cast<std::uint64_t>(-100), addr(path), O_RDONLY, 0}, mem, fds);
  fds.names[3] = "/etc/passwd";  // the recorder updates its fd table before decode_exit
  finish(d, 3, mem, fds);
  EXPECT_EQ(d.event.ret, 3);
  EXPECT_EQ(d.event.err, 0);
  EXPECT_EQ(d.event.ret_ref, "/etc/passwd");
  EXPECT_EQ(return_text(d.info, d.event), "3</etc/passwd>");
}

TEST(Exit, FailureSetsErrno) {
  SelfMemory mem;
  FakeFds fds;
  const char path[] = "/nope";
  auto d = decode("openat", {static_cast<std::uint64_t>(-100), addr(path), O_RDONLY, 0}, mem, fds);
  finish(d, -2, mem, fds);
  EXPECT_EQ(d.event.ret, -2);
  EXPECT_EQ(d.event.err, 2);
  EXPECT_TRUE(d.event.ret_ref.empty());
  EXPECT_EQ(return_text(d.info, d.event), "-1 ENOENT (No such file or directory)");
}

TEST(Exit, KernelInternalRestartCodes) {
  SelfMemory mem;
  FakeFds fds;
  char buf[8];
  auto d = decode("read", {0, addr(buf), sizeof buf}, mem, fds);
  finish(d, -512, mem, fds);
  EXPECT_EQ(d.event.err, 512);
  EXPECT_EQ(return_text(d.info, d.event), "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
  auto s = decode("nanosleep", {0, 0}, mem, fds);
  finish(s, -516, mem, fds);
  EXPECT_EQ(errno_name(s.event.err), "ERESTART_RESTARTBLOCK");
}

// strace prints umask's result (the previous mask) with "%#03o", like its argument.
TEST(Exit, UmaskReturnsThePreviousMaskInOctal) {
  SelfMemory mem;
  FakeFds fds;
  auto d = decode("umask", {077}, mem, fds);
  finish(d, 022, mem, fds);
  EXPECT_EQ(d.event.ret, 022);
  EXPECT_EQ(return_text(d.info, d.event), "022");
  finish(d, 0, mem, fds);
  EXPECT_EQ(return_text(d.info, d.event), "000");
  finish(d, 0777, mem, fds);
  EXPECT_EQ(return_text(d.info, d.event), "0777");
  // Other calls' results stay decimal.
  auto g = decode("getppid", {}, mem, fds);
  finish(g, 022, mem, fds);
  EXPECT_EQ(return_text(g.info, g.event), "18");
}

TEST(Exit, PipeFdPair) {
  SelfMemory mem;
  FakeFds fds;
  int pair[2] = {-1, -1};
  auto d = decode("pipe2", {addr(pair), O_CLOEXEC}, mem, fds);
  EXPECT_EQ(d.arg(0).kind, ArgKind::Ptr);
  EXPECT_EQ(d.arg(1).text, "O_CLOEXEC");
  pair[0] = 3;
  pair[1] = 4;
  finish(d, 0, mem, fds);
  EXPECT_EQ(d.arg(0).text, "[3, 4]");
  fds.names[5] = "pipe:[77]";
  fds.names[6] = "pipe:[77]";
  pair[0] = 5;
  pair[1] = 6;
  auto p = decode("pipe", {addr(pair)}, mem, fds);
  finish(p, 0, mem, fds);
  EXPECT_EQ(p.arg(0).text, "[5<pipe:[77]>, 6<pipe:[77]>]");
  EXPECT_EQ(decode("pipe2", {addr(pair), 0}, mem, fds).arg(1).text, "0");
}

TEST(Exit, FcntlDupCreatesAnFd) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[3] = "/tmp/x";
  fds.names[10] = "/tmp/x";
  auto d = decode("fcntl", {3, F_DUPFD_CLOEXEC, 10}, mem, fds);
  EXPECT_TRUE(creates_fd(*d.info, d.regs));
  finish(d, 10, mem, fds);
  EXPECT_EQ(d.event.ret_ref, "/tmp/x");
  auto g = decode("fcntl", {3, F_GETFL, 0}, mem, fds);
  EXPECT_FALSE(creates_fd(*g.info, g.regs));
  finish(g, O_RDWR | O_APPEND, mem, fds);
  EXPECT_TRUE(g.event.ret_ref.empty());
  EXPECT_EQ(return_text(g.info, g.event), "0x402 (flags O_RDWR|O_APPEND)");
}

// Issue 12 item 5: rt_sigreturn returns the interrupted call's restored result; when
// that is -EINTR, strace shows "-1 EINTR" and counts an error, and so does golden.
TEST(Exit, SigreturnShowsTheRestoredErrorAsStraceDoes) {
  SelfMemory mem;
  FakeFds fds;
  auto d = decode("rt_sigreturn", {}, mem, fds);
  finish(d, -4, mem, fds);  // the interrupted call's -EINTR, restored
  EXPECT_EQ(d.event.err, 4);
  EXPECT_EQ(return_text(d.info, d.event), "-1 EINTR (Interrupted system call)");
  auto ok = decode("rt_sigreturn", {}, mem, fds);
  finish(ok, 61, mem, fds);  // a restarted wait4: rax holds its number again
  EXPECT_EQ(ok.event.err, 0);
  EXPECT_EQ(return_text(ok.info, ok.event), "61");
}

TEST(Exit, UnfinishedAndPlainReturns) {
  Event ev;
  ev.finished = false;
  EXPECT_EQ(return_text(syscall_by_name("exit_group"), ev), "?");
  ev.finished = true;
  ev.ret = 42;
  EXPECT_EQ(return_text(syscall_by_name("getpid"), ev), "42");
  EXPECT_EQ(return_text(nullptr, ev), "42");
}

}  // namespace
}  // namespace golden
