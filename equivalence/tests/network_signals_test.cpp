#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/normalized.hpp"
#include "golden/test_support/trace_builder.hpp"
#include "test_util.hpp"

namespace golden {
namespace {

using test::fd_arg;
using test::int_arg;
using test::lines_of;
using test::sockaddr_arg;
using test::TraceBuilder;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Network, EndpointsAndOutcomesPerProcess) {
  TraceBuilder b(100, "/w");
  b.sys(100, "socket", {}, 3, 0, "socket:[991]");
  b.connect(100, 3, "unix:/var/run/nscd/socket", ENOENT);  // libc's nscd probe
  b.sys(100, "socket", {}, 4, 0, "socket:[992]");
  b.connect(100, 4, "127.0.0.1:8080", ECONNREFUSED);
  b.connect(100, 4, "127.0.0.1:8080", ECONNREFUSED);  // a retry loop: one effect
  b.sys(100, "socket", {}, 5, 0, "socket:[993]");
  b.connect(100, 5, "[::1]:443", EINPROGRESS);
  b.sys(100, "sendto", {fd_arg("sockfd", 5), sockaddr_arg("dest_addr", "10.0.0.53:53")}, 40);
  b.exit(100);
  auto n = normalize(b.build(), {});
  EXPECT_THAT(lines_of(n, "network"),
              ElementsAre("1: connect 127.0.0.1:8080 = ECONNREFUSED", "1: connect [::1]:443",
                          "1: sendto 10.0.0.53:53"));
}

TEST(Network, ServersBindListenAccept) {
  TraceBuilder b(100, "/w");
  b.sys(100, "socket", {}, 3, 0, "socket:[1]");
  b.sys(100, "bind", {fd_arg("sockfd", 3), sockaddr_arg("addr", "0.0.0.0:8080")}, 0);
  b.sys(100, "listen", {fd_arg("sockfd", 3), int_arg("backlog", 5)}, 0);
  b.sys(100, "accept4", {fd_arg("sockfd", 3), sockaddr_arg("addr", "127.0.0.1:51234")}, 4, 0,
        "socket:[2]");
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "network"),
              ElementsAre("1: bind 0.0.0.0:8080", "1: listen 0.0.0.0:8080", "1: accept on 0.0.0.0:8080"));
}

TEST(Network, KernelChosenPortsAreTemplatedAndForksListedSeparately) {
  // A server on an ephemeral port and a forked client, in either interleaving.
  auto run = [](int port, bool client_first) {
    TraceBuilder b(100, "/w");
    b.sys(100, "socket", {}, 3, 0, "socket:[1]");
    b.sys(100, "bind", {fd_arg("sockfd", 3), sockaddr_arg("addr", "127.0.0.1:0")}, 0);
    b.sys(100, "listen", {fd_arg("sockfd", 3), int_arg("backlog", 1)}, 0);
    b.sys(100, "getsockname",
          {fd_arg("sockfd", 3), sockaddr_arg("addr", "127.0.0.1:" + std::to_string(port))}, 0);
    auto c = b.fork(100);
    auto connect = [&] {
      b.sys(c, "socket", {}, 4, 0, "socket:[2]");
      b.connect(c, 4, "127.0.0.1:" + std::to_string(port));
    };
    auto accept = [&] {
      b.sys(100, "accept", {fd_arg("sockfd", 3)}, 5, 0,
            "socket:[TCP 127.0.0.1:" + std::to_string(port) + "->127.0.0.1:40000]");
    };
    if (client_first) {
      connect();
      accept();
    } else {
      accept();
      connect();
    }
    b.write(100, 1, "listening on " + std::to_string(port) + "\n");
    b.exit(c);
    b.wait(100, c);
    b.exit(100);
    return b.build();
  };
  auto n = normalize(run(49189, true), {});
  EXPECT_THAT(lines_of(n, "network"),
              ElementsAre("1: bind 127.0.0.1:0", "1: listen 127.0.0.1:0", "1: accept on 127.0.0.1:0",
                          "1: connect 127.0.0.1:$PORT1"));
  EXPECT_THAT(lines_of(n, "stdout"), ElementsAre("\"listening on $PORT1\\n\""));
  auto r = compare(run(49189, true), run(51000, false));
  EXPECT_TRUE(r.equivalent) << test::describe(r);
}

TEST(Signals, SentToOthersAndToItselfButNotRuntimeSignals) {
  TraceBuilder b(100, "/w");
  auto c = b.spawn(100, {"sleep", "10"}, "/bin/sleep");
  b.kill(100, c, 0);           // existence probe
  b.kill(100, c, SIGTERM);
  b.kill(100, 100, SIGUSR1);   // `kill -USR1 $$`: behaviour
  b.kill(100, 100, SIGURG);    // Go's preemption of its own threads: runtime
  b.kill(100, 100, 33);        // glibc's SIGRTMIN+1 (setxid): runtime
  b.exit(c, 0, SIGTERM);
  b.wait(100, c);
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "signals"),
              ElementsAre("1: signal SIGTERM -> 1/sleep", "1: signal SIGUSR1 -> self"));
}

TEST(Signals, NoSignalsNoChannel) {
  TraceBuilder b(100, "/w");
  b.exit(100);
  EXPECT_THAT(lines_of(normalize(b.build(), {}), "signals"), IsEmpty());
}

}  // namespace
}  // namespace golden
