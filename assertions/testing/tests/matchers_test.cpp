// The trace matchers on real runs: what they accept, what they reject, and what their
// explanations say (the matching calls, or the nearest misses).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>

#include "golden/test_support/files.hpp"
#include "golden/testing.hpp"

namespace golden::testing {
namespace {

using golden::test::TempDir;

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string explain(const TraceMatcher& m, const Trace& t) {
  ::testing::StringMatchResultListener listener;
  (void)m.MatchAndExplain(t, &listener);
  return listener.str();
}

// One run that does a bit of everything, in a fresh directory.
class Matchers : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      std::ofstream(dir.file("in.txt")) << "alpha\nbeta\n";
      std::ofstream(dir.file("old.log")) << "stale\n";
    }
    CaptureOptions options;
    options.cwd = dir.path();
    trace = capture({"sh", "-c",
                     "cat in.txt; echo warn >&2; mkdir out; printf 'total 2\\n' > out/sum.txt;"
                     " tmp=$(mktemp out/.x.XXXXXX); rm \"$tmp\"; rm old.log;"
                     " cat missing.txt 2>/dev/null; trap true USR1; kill -s USR1 $$; exit 0"},
                    options);
  }
  TempDir dir;
  std::optional<Trace> trace;
};

TEST_F(Matchers, Opens) {
  EXPECT_THAT(*trace, Opens("in.txt"));
  EXPECT_THAT(*trace, Opens("**/out/sum.txt"));
  EXPECT_THAT(*trace, Opens("out/sum.txt"));
  EXPECT_THAT(*trace, Opens(dir.file("out/sum.txt")));
  EXPECT_THAT(*trace, Not(Opens("/out/sum.txt")));
  EXPECT_THAT(*trace, Not(Opens("t/sum.txt")));
  EXPECT_THAT(*trace, Not(Opens("missing.txt")));  // it failed: not opened
  EXPECT_THAT(explain(Opens("missing.txt"), *trace), HasSubstr("missing.txt failed with ENOENT"));
  EXPECT_THAT(explain(Opens("in.text"), *trace), HasSubstr("nearest: openat " + dir.path()));
  EXPECT_THAT(explain(Opens("in.text"), *trace), HasSubstr("in.txt"));
}

TEST_F(Matchers, ReadsAndWrites) {
  EXPECT_THAT(*trace, Reads("in.txt"));
  EXPECT_THAT(*trace, Not(Reads("sum.txt")));
  EXPECT_THAT(explain(Reads("in.txt"), *trace), HasSubstr("11 bytes from"));
  EXPECT_THAT(*trace, Writes("out/sum.txt", "total 2\n"));
  EXPECT_THAT(*trace, Writes("sum.txt", HasSubstr("total")));
  EXPECT_THAT(*trace, Writes("*.txt"));
  EXPECT_THAT(*trace, Not(Writes("sum.txt", HasSubstr("total 3"))));
  EXPECT_THAT(explain(Writes("sum.txt", "total 3\n"), *trace),
              HasSubstr("sum.txt holds \"total 2\\n\""));
  EXPECT_THAT(*trace, Not(Writes("in.txt")));
}

TEST_F(Matchers, Streams) {
  EXPECT_THAT(*trace, WritesToStdout("alpha\nbeta\n"));
  EXPECT_THAT(*trace, WritesToStderr(StartsWith("warn")));
  EXPECT_THAT(*trace, Not(WritesToStdout(HasSubstr("gamma"))));
  EXPECT_THAT(explain(WritesToStdout(HasSubstr("gamma")), *trace),
              HasSubstr("stdout was \"alpha\\nbeta\\n\""));
}

TEST_F(Matchers, FilesCreatedAndDeleted) {
  EXPECT_THAT(*trace, CreatesFile("sum.txt"));
  EXPECT_THAT(*trace, CreatesFile(dir.file("out")));
  EXPECT_THAT(*trace, DeletesFile("old.log"));
  EXPECT_THAT(*trace, Not(CreatesFile("in.txt")));
  EXPECT_THAT(*trace, Not(CreatesFile(".x.*")));   // made and removed again
  EXPECT_THAT(*trace, Not(DeletesFile(".x.*")));
  EXPECT_THAT(explain(CreatesFile(".x.*"), *trace), HasSubstr("made and removed again"));
  EXPECT_THAT(explain(DeletesFile(".x.*"), *trace), HasSubstr("made itself"));
  EXPECT_THAT(explain(DeletesFile("sum.txt"), *trace), HasSubstr("deletes " + dir.path()));
}

TEST_F(Matchers, ProcessesSignalsAndCounts) {
  EXPECT_THAT(*trace, Execs("cat"));
  EXPECT_THAT(*trace, Execs("/usr/bin/*"));
  EXPECT_THAT(*trace, Not(Execs("python3")));
  EXPECT_THAT(*trace, ExitsWith(0));
  EXPECT_THAT(*trace, Not(ExitsWith(1)));
  EXPECT_THAT(explain(ExitsWith(1), *trace), HasSubstr("exit status 0"));
  EXPECT_THAT(*trace, SendsSignal(SIGUSR1));
  EXPECT_THAT(*trace, SendsSignal("USR1"));
  EXPECT_THAT(*trace, Not(SendsSignal("SIGTERM")));
  EXPECT_THAT(explain(SendsSignal("SIGTERM"), *trace), HasSubstr("kill(SIGUSR1)"));
  EXPECT_THAT(*trace, CallsAtMost("execve", 20));
  EXPECT_THAT(*trace, Not(CallsAtMost("execve", 1)));
  EXPECT_THAT(explain(CallsAtMost("execve", 1), *trace), HasSubstr("execve in cat"));
  EXPECT_THAT(*trace, CallsAtMost("%network", 0));
  EXPECT_THROW((void)CallsAtMost("no_such_call", 1), TraceError);
  EXPECT_THROW((void)SendsSignal("SIGNOPE"), TraceError);
}

TEST_F(Matchers, Compose) {
  EXPECT_THAT(*trace, AllOf(Opens("in.txt"), Not(Opens("/etc/shadow")), NeverConnects(), ExitsWith(0)));
  const TraceMatcher both = AllOf(Opens("in.txt"), ExitsWith(4));
  EXPECT_FALSE(both.Matches(*trace));
  std::ostringstream described;
  both.DescribeTo(&described);
  EXPECT_THAT(described.str(), HasSubstr("exits with status 4"));
}

TEST(MatchersNetwork, ConnectsAndNeverConnects) {
  // Python connects to a closed local port: an attempt that fails.
  Trace t = capture({"python3", "-c",
                     "import socket\ns=socket.socket()\ntry: s.connect(('127.0.0.1', 9))\n"
                     "except OSError: pass\nu=socket.socket(socket.AF_UNIX)\n"
                     "try: u.connect('/nonexistent/golden.sock')\nexcept OSError: pass"});
  EXPECT_THAT(t, Not(NeverConnects()));
  EXPECT_THAT(explain(NeverConnects(), t), HasSubstr("connect 127.0.0.1:9 failed with ECONNREFUSED"));
  EXPECT_THAT(t, Not(ConnectsTo("127.0.0.1:9")));  // it failed
  EXPECT_THAT(explain(ConnectsTo("127.0.0.1:9"), t), HasSubstr("failed with ECONNREFUSED"));
  Trace local = capture({"sh", "-c", "true"});
  EXPECT_THAT(local, NeverConnects());
}

TEST(MatchersNetwork, ConnectsToAListeningPort) {
  Trace t = capture({"python3", "-c",
                     "import socket\nl=socket.socket()\nl.bind(('127.0.0.1', 0))\nl.listen()\n"
                     "c=socket.socket()\nc.connect(l.getsockname())\nprint(l.getsockname()[1])"});
  const std::string port = t.stdout_text().substr(0, t.stdout_text().size() - 1);
  EXPECT_THAT(t, ConnectsTo("127.0.0.1:" + port));
  EXPECT_THAT(t, ConnectsTo("*:" + port));
  EXPECT_THAT(t, Not(ConnectsTo("[::1]:*")));
}

}  // namespace
}  // namespace golden::testing
