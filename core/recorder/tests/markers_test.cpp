// The marker syscall (golden/model/marker.hpp) recorded as Span events, with and without
// a seccomp filter; and exit events of a process that dumped core.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "golden/model/marker.hpp"
#include "golden/recorder/causality_check.hpp"
#include "recorder_harness.hpp"

namespace golden::test {
namespace {

namespace fs = std::filesystem;

Captured capture_markers(const std::string& expression) {
  CaptureOptions o;
  o.command = {program("markers")};
  if (!expression.empty()) {
    auto filter = SyscallFilter::parse(expression);
    EXPECT_TRUE(filter.ok()) << expression;
    if (filter.ok()) o.filter = *filter;
  }
  return capture_with(o);
}

// "open outer", "close inner", "annotation stats", "op0 odd" for one Span event.
std::string describe(const Event& e) {
  switch (e.nr) {
    case static_cast<int>(MarkerOp::SpanOpen): return "open " + e.name;
    case static_cast<int>(MarkerOp::SpanClose): return "close " + e.name;
    case static_cast<int>(MarkerOp::Annotation): return "annotation " + e.name;
    default: return "op" + std::to_string(e.nr) + " " + e.name;
  }
}

class Markers : public testing::TestWithParam<std::string> {};

TEST_P(Markers, BecomeSpanEventsInProgramOrder) {
  const Captured c = capture_markers(GetParam());
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  // 0: every marker returned ENOSYS to the program, as it does untraced.
  EXPECT_EQ(c.outcome->exit_status, 0);
  const Trace& t = c.run();
  const ProcessInfo* root = root_process(t);
  ASSERT_NE(root, nullptr);
  const Tid main_tid{root->pid.value};

  std::vector<std::string> main_spans, worker_spans;
  const Event* annotation = nullptr;
  for (const Event* e : events_of_kind(t, EventKind::Span)) {
    EXPECT_TRUE(e->finished);
    EXPECT_EQ(e->ret, 0);
    EXPECT_EQ(e->err, 0) << "a marker is no failed call";
    EXPECT_EQ(e->pid, root->pid);
    (e->tid == main_tid ? main_spans : worker_spans).push_back(describe(*e));
    if (e->nr == static_cast<int>(MarkerOp::Annotation)) annotation = e;
  }
  const std::string big(kMarkerMaxMessage, 'b');
  EXPECT_EQ(main_spans, (std::vector<std::string>{"open outer", "open inner", "close inner",
                                                   "annotation stats", "close outer", "op0 odd",
                                                   "open ", "open " + big}));
  EXPECT_EQ(worker_spans, (std::vector<std::string>{"open worker", "close worker"}));
  ASSERT_NE(annotation, nullptr);
  ASSERT_EQ(annotation->args.size(), 2u);
  EXPECT_EQ(annotation->args[0].name, "count");
  EXPECT_EQ(annotation->args[0].kind, ArgKind::Int);
  EXPECT_EQ(annotation->args[0].raw, 3);
  EXPECT_EQ(annotation->args[1].name, "name");
  EXPECT_EQ(annotation->args[1].kind, ArgKind::String);
  EXPECT_EQ(annotation->args[1].str, "x");

  // The openat of /dev/null (when traced) lies between "open inner" and "close inner".
  Seq inner_open = 0, inner_close = 0, dev_null = 0;
  for (const Event& e : t.events) {
    if (e.kind == EventKind::Span && e.name == "inner")
      (e.nr == 1 ? inner_open : inner_close) = e.seq;
    if (e.kind == EventKind::Syscall && e.name == "openat" && e.args.size() > 1 &&
        e.args[1].str == "/dev/null")
      dev_null = e.seq;
  }
  const bool openat_traced = GetParam().empty() || GetParam() == "trace=openat";
  EXPECT_EQ(dev_null != 0, openat_traced);
  if (openat_traced) {
    EXPECT_LT(inner_open, dev_null);
    EXPECT_LT(dev_null, inner_close);
  }

  // Not an unknown syscall, in the events or the counters; malformed markers counted.
  for (const Event& e : t.events) {
    if (e.kind == EventKind::Syscall) {
      EXPECT_NE(e.nr, kMarkerSyscall) << e.name;
    }
  }
  EXPECT_EQ(counter(t, "recorder.unknown_syscall"), 0u);
  EXPECT_EQ(counter(t, "recorder.marker_unknown_op"), 1u);
  EXPECT_EQ(counter(t, "recorder.marker_unreadable"), 1u);
  EXPECT_EQ(counter(t, "recorder.marker_truncated"), 1u);
  const Status s = check_causality(t);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
}

INSTANTIATE_TEST_SUITE_P(Filters, Markers, testing::Values("", "trace=openat", "none", "!%file"),
                         [](const auto& info) {
                           if (info.param.empty()) return std::string("Everything");
                           if (info.param == "trace=openat") return std::string("OpenatOnly");
                           if (info.param == "none") return std::string("Nothing");
                           return std::string("AllButFile");
                         });

TEST(MarkerFilter, KeepsOnlyItsSyscallsBesideTheSpans) {
  const Captured c = capture_markers("trace=openat");
  ASSERT_TRUE(c.outcome.ok());
  for (const Event& e : c.run().events) {
    if (e.kind == EventKind::Syscall) {
      EXPECT_EQ(e.name, "openat");
    }
  }
  EXPECT_FALSE(syscalls(c.run(), "openat").empty());
}

// Whether this machine writes a core for `dir`'s core_dump run, seen without a tracer.
bool dumps_core_untraced(const std::string& dir) {
  const pid_t child = fork();
  if (child == 0) {
    execl(program("core_dump").c_str(), "core_dump", dir.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) != child) return false;
  return WIFSIGNALED(status) && WCOREDUMP(status);
}

TEST(CoreDump, ExitEventAndProcessSayCoreDumped) {
  const fs::path dir = fs::temp_directory_path() / ("golden-core-" + std::to_string(getpid()));
  fs::create_directories(dir);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() { fs::remove_all(dir); }
  } cleanup{dir};
  if (!dumps_core_untraced(dir.string()))
    GTEST_SKIP() << "no core dump here even untraced (core_pattern or filesystem)";

  const Captured c = capture_command({program("core_dump"), dir.string()});
  ASSERT_TRUE(c.outcome.ok()) << c.outcome.error().to_string();
  EXPECT_EQ(c.outcome->exit_status, 128 + SIGABRT);
  const Trace& t = c.run();
  const ProcessInfo* root = root_process(t);
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->exit_signal, SIGABRT);
  EXPECT_TRUE(root->core_dumped);
  const auto exits = events_of_kind(t, EventKind::Exit);
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0]->nr, SIGABRT);
  ASSERT_EQ(exits[0]->args.size(), 1u);
  EXPECT_EQ(exits[0]->args[0].name, "core_dumped");
  EXPECT_EQ(exits[0]->args[0].raw, 1);

  // Killed without a core (segfault sets RLIMIT_CORE 0): no such arg, flag false.
  const Captured plain = capture_command({program("segfault")});
  ASSERT_TRUE(plain.outcome.ok());
  const auto plain_exits = events_of_kind(plain.run(), EventKind::Exit);
  ASSERT_EQ(plain_exits.size(), 1u);
  EXPECT_TRUE(plain_exits[0]->args.empty());
  ASSERT_NE(root_process(plain.run()), nullptr);
  EXPECT_FALSE(root_process(plain.run())->core_dumped);
}

}  // namespace
}  // namespace golden::test
