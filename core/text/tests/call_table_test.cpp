// The -c table must match strace byte for byte. The files in tests/golden/strace_*.txt
// are strace 6.1's own `strace -c` output for real commands; each test rebuilds events
// with the same per-syscall totals and checks that golden prints the identical table.
#include "golden/text/call_table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "golden/syscalls/syscall_table.hpp"
#include "golden/text/syscall_stats.hpp"

namespace golden {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct StraceRow {
  std::string name;
  std::int64_t micros = 0;
  std::uint64_t calls = 0;
  std::uint64_t errors = 0;
};

// Parses the data rows (between the two rules) of a strace -c table.
std::vector<StraceRow> parse_strace_table(const std::string& text) {
  std::vector<StraceRow> rows;
  std::istringstream in(text);
  std::string line;
  int rules = 0;
  while (std::getline(in, line)) {
    if (line.starts_with("------")) {
      ++rules;
      continue;
    }
    if (rules != 1) continue;
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string w; fields >> w;) f.push_back(w);
    EXPECT_TRUE(f.size() == 5 || f.size() == 6) << line;
    StraceRow r;
    r.name = f.back();
    const std::string& secs = f[1];  // "0.001332"
    r.micros = std::stoll(secs.substr(0, secs.find('.'))) * 1000000 +
               std::stoll(secs.substr(secs.find('.') + 1));
    r.calls = std::stoull(f[3]);
    r.errors = f.size() == 6 ? std::stoull(f[4]) : 0;
    rows.push_back(r);
  }
  return rows;
}

// Events that add up to the rows: calls split the time evenly, the first `errors` fail.
std::vector<Event> events_for(const std::vector<StraceRow>& rows) {
  std::vector<Event> events;
  // Reverse order, so the table's order must come from sorting, not from input order.
  for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
    const SyscallInfo* info = syscall_by_name(it->name);
    EXPECT_NE(info, nullptr) << it->name;
    const std::int64_t total_ns = it->micros * 1000;
    const auto calls = static_cast<std::int64_t>(it->calls);
    for (std::int64_t i = 0; i < calls; ++i) {
      Event e;
      e.name = it->name;
      e.nr = info ? info->nr : -1;
      e.pid = Pid{100};
      e.tid = Tid{100};
      e.duration = Nanos{total_ns / calls + (i == 0 ? total_ns % calls : 0)};
      if (static_cast<std::uint64_t>(i) < it->errors) {
        e.err = 2;
        e.ret = -2;
      }
      events.push_back(e);
    }
  }
  return events;
}

class StraceGolden : public testing::TestWithParam<const char*> {};

TEST_P(StraceGolden, TableMatchesStraceByteForByte) {
  const std::string expected =
      read_file(std::string(GOLDEN_SOURCE_DIR) + "/core/text/tests/golden/" + GetParam());
  ASSERT_FALSE(expected.empty());
  SyscallStats stats;
  for (const Event& e : events_for(parse_strace_table(expected))) stats.add_event(e);
  EXPECT_EQ(stats.table(StatsGrouping::Syscall), expected);
}

INSTANTIATE_TEST_SUITE_P(StraceOutputs, StraceGolden,
                         testing::Values("strace_ls.txt", "strace_nproc.txt",
                                         "strace_sh_fork.txt", "strace_sh_pipe.txt",
                                         "strace_write_only.txt"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '.' || c == '-') c = '_';
                           return name;
                         });

CallStats stats_of(std::uint64_t calls, std::uint64_t errors, std::int64_t ns) {
  CallStats s;
  s.calls = calls;
  s.errors = errors;
  s.time = Nanos{ns};
  return s;
}

TEST(CallTable, ColumnsGrowWithTheirValuesLikeStrace6) {
  // seconds: "%.6f" of the total; usecs/call: the largest row average; calls/errors:
  // the totals' digits; the label column: the longest label plus one.
  std::vector<CallRow> rows = {
      {"a_rather_long_syscall_name", stats_of(1234567890, 1000000000, 123456'500000000)},
      {"read", stats_of(1, 0, 500'000000)},
  };
  CallStats total = rows[0].stats;
  total.merge(rows[1].stats);
  EXPECT_EQ(render_call_table(rows, total),
            "% time       seconds  usecs/call      calls     errors syscall\n"
            "------ ------------- ----------- ---------- ---------- ---------------------------\n"
            "100.00 123456.500000         100 1234567890 1000000000 a_rather_long_syscall_name\n"
            "  0.00      0.500000      500000          1            read\n"
            "------ ------------- ----------- ---------- ---------- ---------------------------\n"
            "100.00 123457.000000         100 1234567891 1000000000 total\n");
}

TEST(CallTable, EmptyTableHasZeroTotals) {
  EXPECT_EQ(render_call_table({}, CallStats{}),
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.000000           0         0           total\n");
}

TEST(CallTable, AverageRoundsToNanosecondsThenTruncatesMicros) {
  // 3 calls in 2999 ns: ts_div gives 1000 ns (rounded), i.e. 1 usec; a plain
  // truncating division would give 999 ns and print 0.
  std::vector<CallRow> rows = {{"getpid", stats_of(3, 0, 2999)}};
  const std::string table = render_call_table(rows, rows[0].stats, "syscall");
  EXPECT_NE(table.find("100.00    0.000003           1         3           getpid\n"),
            std::string::npos)
      << table;
}

TEST(CallTable, LabelHeaderNamesTheLastColumn) {
  std::vector<CallRow> rows = {{"pid 7 (wc)", stats_of(2, 1, 4000)}};
  const std::string table = render_call_table(rows, rows[0].stats, "process");
  EXPECT_TRUE(table.starts_with("% time     seconds  usecs/call     calls    errors process\n"))
      << table;
  EXPECT_NE(table.find("100.00    0.000004           2         2         1 pid 7 (wc)\n"),
            std::string::npos)
      << table;
}

TEST(CallStats, CountsOnlyFinishedSyscalls) {
  CallStats s;
  Event ok;
  ok.duration = Nanos{10};
  Event failed = ok;
  failed.err = 13;
  failed.ret = -13;
  Event unfinished = ok;
  unfinished.finished = false;
  Event signal = ok;
  signal.kind = EventKind::Signal;
  Event exit = ok;
  exit.kind = EventKind::Exit;
  for (const Event* e : {&ok, &failed, &unfinished, &signal, &exit}) s.add(*e);
  EXPECT_EQ(s.calls, 2u);
  EXPECT_EQ(s.errors, 1u);
  EXPECT_EQ(s.time, Nanos{20});
}

}  // namespace
}  // namespace golden
