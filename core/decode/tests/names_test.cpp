#include <signal.h>

#include <cerrno>

#include <gtest/gtest.h>

#include "golden/decode/decoder.hpp"

namespace golden {
namespace {

TEST(Names, Errno) {
  EXPECT_EQ(errno_name(ENOENT), "ENOENT");
  EXPECT_EQ(errno_name(EAGAIN), "EAGAIN");
  EXPECT_EQ(errno_name(EINTR), "EINTR");
  EXPECT_EQ(errno_name(9999), "E9999");
  EXPECT_EQ(errno_name(0), "E0");
  EXPECT_EQ(errno_description(ENOENT), "No such file or directory");
}

TEST(Names, KernelInternalErrnos) {
  EXPECT_EQ(errno_name(512), "ERESTARTSYS");
  EXPECT_EQ(errno_name(513), "ERESTARTNOINTR");
  EXPECT_EQ(errno_name(514), "ERESTARTNOHAND");
  EXPECT_EQ(errno_name(516), "ERESTART_RESTARTBLOCK");
  EXPECT_EQ(errno_description(512), "To be restarted if SA_RESTART is set");
}

TEST(Names, Signals) {
  EXPECT_EQ(signal_name(SIGTERM), "SIGTERM");
  EXPECT_EQ(signal_name(SIGKILL), "SIGKILL");
  EXPECT_EQ(signal_name(SIGCHLD), "SIGCHLD");
  EXPECT_EQ(signal_name(SIGSYS), "SIGSYS");
  EXPECT_EQ(signal_name(32), "SIGRTMIN");
  EXPECT_EQ(signal_name(35), "SIGRT_3");
  EXPECT_EQ(signal_name(64), "SIGRT_32");
  EXPECT_EQ(signal_name(65), "SIG65");
  EXPECT_EQ(signal_name(0), "SIG0");
}

}  // namespace
}  // namespace golden
