#include "golden/text/text_sink.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace golden {
namespace {

// Captures what the sink writes through a real FILE*, as capture --text does on stderr.
class TextSinkTest : public testing::Test {
 protected:
  void SetUp() override { out_ = std::tmpfile(); }
  void TearDown() override { std::fclose(out_); }
  std::string written() {
    std::fflush(out_);
    std::rewind(out_);
    std::string s;
    for (int c; (c = std::fgetc(out_)) != EOF;) s += static_cast<char>(c);
    return s;
  }
  static Event getpid(int tid) {
    Event e;
    e.name = "getpid";
    e.pid = Pid{tid};
    e.tid = Tid{tid};
    e.ret = tid;
    return e;
  }
  std::FILE* out_ = nullptr;
};

TEST_F(TextSinkTest, PidPrefixAppearsOnceASecondThreadExists) {
  FormatOptions o;
  o.show_duration = false;
  o.align_column = 0;
  TextSink sink(out_, o, PidDisplay::Multiple);
  sink.begin_run(RunInfo{});
  sink.event(getpid(7));
  sink.event(getpid(8));
  sink.event(getpid(7));
  sink.end_run(RunInfo{});
  EXPECT_EQ(written(), "getpid() = 7\n[pid     8] getpid() = 8\n[pid     7] getpid() = 7\n");
}

TEST_F(TextSinkTest, NeverAndAlwaysAndRunAnnouncements) {
  FormatOptions o;
  o.show_duration = false;
  o.align_column = 0;
  TextSink always(out_, o, PidDisplay::Always);
  always.announce_runs(true);
  RunInfo run;
  run.index = 1;
  always.begin_run(run);
  always.event(getpid(7));
  TextSink never(out_, o, PidDisplay::Never);
  never.begin_run(run);
  never.event(getpid(7));
  never.event(getpid(8));
  EXPECT_EQ(written(),
            "=== run 2 ===\n[pid     7] getpid() = 7\ngetpid() = 7\ngetpid() = 8\n");
}

}  // namespace
}  // namespace golden
