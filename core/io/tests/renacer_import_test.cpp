// renacer-json-v1 traces that users bring along: imported as far as they go, with what
// they lack (pids, start times, clocks) flagged as unknown rather than made up.
#include <gtest/gtest.h>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/model/arg_text.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

TEST(IoRenacer, ReportExampleImports) {
  auto r = read_trace(io_test::fixture("renacer-json-v1.json"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const TraceHeader& h = r->header;
  EXPECT_EQ(h.format, "renacer-json-v1");
  EXPECT_EQ(h.tool, "renacer 0.6.2");
  EXPECT_FALSE(h.has_pids);
  EXPECT_FALSE(h.has_timing);
  EXPECT_FALSE(h.has_clocks);
  EXPECT_FALSE(r->truncated);
  ASSERT_EQ(r->runs.size(), 1u);
  const Trace& t = r->runs[0];
  ASSERT_EQ(t.events.size(), 3u);
  EXPECT_TRUE(t.processes.empty()) << "no pids: no process records invented";

  const Event& brk = t.events[0];
  EXPECT_EQ(brk.seq, 0u);
  EXPECT_EQ(brk.name, "brk");
  EXPECT_EQ(brk.ret, 95642544017408);
  EXPECT_EQ(brk.err, 0);
  EXPECT_EQ(brk.pid, Pid{0});
  EXPECT_EQ(brk.lamport, 0u);
  EXPECT_EQ(brk.nr, -1);
  ASSERT_EQ(brk.args.size(), 3u);
  EXPECT_EQ(brk.args[0].kind, ArgKind::Hex);
  EXPECT_EQ(brk.args[0].text, "0x0");

  const Event& openat = t.events[1];
  EXPECT_EQ(openat.ret, 3);
  ASSERT_EQ(openat.args.size(), 3u);
  EXPECT_EQ(openat.args[0].kind, ArgKind::Hex);
  EXPECT_EQ(openat.args[0].raw, 0xffffff9c);
  EXPECT_EQ(openat.args[0].text, "0xffffff9c");
  EXPECT_EQ(openat.args[1].kind, ArgKind::Path);
  EXPECT_EQ(openat.args[1].str, "/etc/ld.so.cache");
  EXPECT_EQ(openat.args[1].text, "\"/etc/ld.so.cache\"");
  EXPECT_EQ(openat.args[2].raw, 0x80000);

  const Event& write = t.events[2];
  ASSERT_EQ(write.args.size(), 3u);
  EXPECT_EQ(write.args[0].kind, ArgKind::Hex);
  EXPECT_EQ(write.args[1].kind, ArgKind::String);
  EXPECT_EQ(write.args[1].str, "Hello, Bob!\n");
  EXPECT_EQ(write.ret, 12);
}

TEST(IoRenacer, NegativeResultsAreErrors) {
  auto r = parse_trace(R"({"version":"0.6.2","format":"renacer-json-v1","syscalls":[
      {"name":"access","args":["0x7ff39bb43d90","0x4"],"result":-2},
      {"name":"arch_prctl","args":["0x3001","0x7ffe7fc78e90"],"result":-22},
      {"name":"mmap","args":["0x0","0x2000","0x3"],"result":140684265857024}]})",
                       "r.json");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const auto& ev = r->runs[0].events;
  EXPECT_EQ(ev[0].err, 2);
  EXPECT_EQ(ev[0].ret, -2);
  EXPECT_EQ(ev[0].args[0].kind, ArgKind::Ptr) << "an undecoded pointer where a path belongs";
  EXPECT_EQ(ev[1].err, 22);
  EXPECT_EQ(ev[2].err, 0);
  EXPECT_EQ(ev[2].ret, 140684265857024);
}

TEST(IoRenacer, RenacerOwnFieldsAreUsedAndExtrasTolerated) {
  // renacer's JsonOutput: duration_us, source, summary.exit_code, analysis sections.
  auto r = read_trace(io_test::fixture("renacer-full.json"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const Trace& t = r->runs[0];
  ASSERT_EQ(t.events.size(), 3u);
  EXPECT_EQ(t.events[0].duration, Nanos{12000});
  ASSERT_TRUE(t.events[1].source.has_value());
  EXPECT_EQ(t.events[1].source->file, "src/main.rs");
  EXPECT_EQ(t.events[1].source->line, 45);
  EXPECT_EQ(t.events[1].source->function, "main");
  EXPECT_EQ(t.events[1].args[1].str, "tab\there \"quoted\" \xe2\x9c\x93 \x01");
  EXPECT_EQ(t.events[2].args[1].kind, ArgKind::String);
  EXPECT_EQ(t.events[2].args[1].str, "truncated prefix");
  EXPECT_EQ(t.run.exit_status, 3);
  EXPECT_FALSE(r->header.has_timing) << "durations without start times are not a timeline";
  EXPECT_EQ(r->counters.at("reader.unknown_field"), 2u);  // "future_field" twice
  EXPECT_EQ(r->counters.count("reader.renacer_count_mismatch"), 0u);
}

TEST(IoRenacer, AppendixStyleWithUnquotedStrings) {
  auto r = read_trace(io_test::fixture("renacer-appendix.json"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  const Trace& t = r->runs[0];
  EXPECT_EQ(t.run.traceparent, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  ASSERT_EQ(t.events.size(), 3u);
  const Event& openat = t.events[0];
  EXPECT_EQ(openat.args[0].kind, ArgKind::Struct);
  EXPECT_EQ(openat.args[0].text, "AT_FDCWD");
  EXPECT_EQ(openat.args[1].kind, ArgKind::Path);
  EXPECT_EQ(openat.args[1].str, "test_trivial_cli.py");
  EXPECT_EQ(openat.duration, Nanos{5000});
  EXPECT_EQ(t.events[1].args[1].kind, ArgKind::Struct);  // "<buf>"
  EXPECT_EQ(t.events[1].args[0].kind, ArgKind::Int);
  EXPECT_EQ(t.events[1].args[0].raw, 3);
  // The report's "statistics" block (87 calls) is not renacer's "summary": it is ignored,
  // not checked against the 3 calls in the file.
  EXPECT_EQ(r->counters.count("reader.renacer_count_mismatch"), 0u);
}

TEST(IoRenacer, ImportedTraceCanBeSavedAsGoldenTrace) {
  auto r = read_trace(io_test::fixture("renacer-json-v1.json"));
  ASSERT_TRUE(r.ok());
  auto back = parse_trace(format_trace(*r), "converted.json");
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_FALSE(back->header.has_pids);
  EXPECT_EQ(back->runs[0].events[1].args, r->runs[0].events[1].args);
  EXPECT_EQ(back->counters.count("reader.process_rebuilt"), 0u) << "pids are unknown, not pid 0";
}

TEST(IoRenacer, BadRenacerInputIsLocated) {
  auto none = parse_trace(R"({"format":"renacer-json-v1","version":"0.6.2"})", "r.json");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().to_string(), "r.json: renacer-json-v1 trace without a \"syscalls\" array");
  auto bad = parse_trace(
      R"({"format":"renacer-json-v1","syscalls":[{"name":"x","result":1},{"args":[]}]})", "r.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().to_string(), "r.json: syscalls[1]: syscall without a \"name\"");
  auto type = parse_trace(R"({"format":"renacer-json-v1","syscalls":[{"name":"x","result":"3"}]})",
                          "r.json");
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(type.error().where, "r.json: syscalls[0]");
}

TEST(IoRenacer, MissingResultMeansNotFinished) {
  auto r =
      parse_trace(R"({"format":"renacer-json-v1","syscalls":[{"name":"exit_group","args":["0"]}],
                           "summary":{"total_syscalls":2,"exit_code":0}})",
                  "r.json");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_FALSE(r->runs[0].events[0].finished);
  EXPECT_EQ(r->counters.at("reader.renacer_missing_result"), 1u);
  EXPECT_EQ(r->counters.at("reader.renacer_count_mismatch"), 1u);
  EXPECT_EQ(r->runs[0].run.exit_status, 0);
}

}  // namespace
}  // namespace golden
