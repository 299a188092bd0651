#include "golden/text/run_format.hpp"

#include <gtest/gtest.h>

namespace golden {
namespace {

TEST(RunHeader, LaunchedRun) {
  Trace t;
  t.run.index = 0;
  t.run.command = {"./wordcount", "my file.txt", "report.txt"};
  t.run.exit_status = 0;
  t.run.wall_time = Nanos{1'234567000};
  t.events.resize(57);
  t.processes.resize(1);
  EXPECT_EQ(format_run_header(t, 1),
            "=== run 1 of 1: ./wordcount \"my file.txt\" report.txt: exit status 0, "
            "wall 1.234567 s, 57 events, 1 process ===");
}

TEST(RunHeader, AttachedRunWithoutStatus) {
  Trace t;
  t.run.index = 1;
  t.run.attached = {Pid{10}, Pid{11}};
  t.processes.resize(2);
  t.events.resize(1);
  EXPECT_EQ(format_run_header(t, 3),
            "=== run 2 of 3: attached to pid 10,11: wall 0.000000 s, 1 event, 2 processes ===");
}

TEST(FormatCommand, QuotesOnlyWhatAShellWould) {
  EXPECT_EQ(format_command({"ls", "-l", "/tmp"}), "ls -l /tmp");
  EXPECT_EQ(format_command({"echo", "", "a\nb", "it's"}), "echo \"\" \"a\\nb\" \"it's\"");
}

TEST(FormatCounters, AlignedNamesUnderATitle) {
  Counters c{{"lost_events", 2}, {"unknown_syscall", 1}};
  EXPECT_EQ(format_counters(c, "anomalies in run 1:"),
            "anomalies in run 1:\n"
            "  lost_events      2\n"
            "  unknown_syscall  1\n");
}

TEST(FormatCounters, NothingWhenEmpty) { EXPECT_EQ(format_counters({}, "title"), ""); }

}  // namespace
}  // namespace golden
