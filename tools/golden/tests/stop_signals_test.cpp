// SIGINT/SIGTERM during a capture must not kill golden: they ask the recorder to stop
// and are remembered; afterwards the previous dispositions are back.
#include "stop_signals.hpp"

#include <gtest/gtest.h>

#include <csignal>

namespace golden::cli {
namespace {

bool handler_is(int sig, void (*handler)(int)) {
  struct sigaction current {};
  sigaction(sig, nullptr, &current);
  return current.sa_handler == handler;
}

TEST(StopSignals, SigtermIsCaughtRememberedAndTheOldHandlerRestored) {
  ASSERT_TRUE(handler_is(SIGTERM, SIG_DFL));
  ASSERT_EQ(stop_signal(), 0);
  {
    StopSignals guard;
    EXPECT_FALSE(handler_is(SIGTERM, SIG_DFL));
    EXPECT_FALSE(handler_is(SIGINT, SIG_DFL));
    // With the default disposition this would end the test binary.
    ASSERT_EQ(raise(SIGTERM), 0);
    EXPECT_TRUE(stop_requested());
    EXPECT_EQ(stop_signal(), SIGTERM);
  }
  EXPECT_TRUE(handler_is(SIGTERM, SIG_DFL));
  EXPECT_TRUE(handler_is(SIGINT, SIG_DFL));
}

}  // namespace
}  // namespace golden::cli
