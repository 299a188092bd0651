// function_pattern / file_pattern: syscall_count and error_count over the calls made
// from some functions or files (traces captured with golden capture --source).
#include <gtest/gtest.h>

#include <cerrno>

#include "check_helpers.hpp"
#include "golden/assertions/call_query.hpp"

namespace golden::test {
namespace {

using namespace std::chrono_literals;

void at(Event& e, const char* file, int line, const char* function) {
  SourceLocation s;
  s.file = file;
  s.line = line;
  s.function = function;
  s.caller = "main";
  s.module = "/usr/bin/tool";
  e.source = s;
}

// load_config opens its file twice (a regression), read_cache once and fails.
NumberedTraceBuilder located_program() {
  NumberedTraceBuilder m;
  m.process(7, 0, "tool", 0ms, 50ms);
  at(m.call(7, 7, "openat", 0ms, 1ms, {path_arg("pathname", "/etc/tool.conf")}, 3),
     "/src/tool/config.cpp", 41, "app::load_config");
  at(m.call(7, 7, "openat", 1ms, 1ms, {path_arg("pathname", "/etc/tool.conf")}, 4),
     "/src/tool/config.cpp", 41, "app::load_config");
  at(m.fail(7, 7, "openat", 2ms, 1ms, ENOENT, {path_arg("pathname", "/var/cache/tool")}),
     "/src/tool/cache.cpp", 12, "app::read_cache");
  m.call(7, 7, "mmap", 3ms, 1ms, {}, 0x1000);  // the loader's: no location
  return m;
}

TEST(SourceSelectors, SyscallCountInsideAFunction) {
  const TraceFile f = located_program().file();
  auto in_load = check(
      "type = \"syscall_count\"\nsyscall = \"openat\"\nfunction_pattern = \"load_config$\"\n"
      "max_calls = 1\n",
      f);
  EXPECT_EQ(in_load.outcome, Outcome::Fail) << in_load.summary;
  EXPECT_DOUBLE_EQ(*in_load.measured, 2.0);
  EXPECT_NE(in_load.summary.find("in functions matching 'load_config$'"), std::string::npos)
      << in_load.summary;
  auto in_cache = check(
      "type = \"syscall_count\"\nsyscall = \"openat\"\nfunction_pattern = \"read_cache\"\n"
      "max_calls = 1\n",
      f);
  EXPECT_EQ(in_cache.outcome, Outcome::Pass) << in_cache.summary;
}

TEST(SourceSelectors, FilePatternAndErrorCount) {
  const TraceFile f = located_program().file();
  auto config_file = check(
      "type = \"syscall_count\"\nfile_pattern = \"/config\\\\.cpp$\"\nmax_calls = 2\nmin_calls = "
      "2\n",
      f);
  EXPECT_EQ(config_file.outcome, Outcome::Pass) << config_file.summary;
  auto errors = check("type = \"error_count\"\nfile_pattern = \"cache\"\nmax_errors = 0\n", f);
  EXPECT_EQ(errors.outcome, Outcome::Fail) << errors.summary;
  EXPECT_DOUBLE_EQ(*errors.measured, 1.0);
}

TEST(SourceSelectors, TraceWithoutSourceIsAnErrorNotAPass) {
  NumberedTraceBuilder m;
  m.process(7, 0, "tool", 0ms, 50ms);
  m.call(7, 7, "openat", 0ms, 1ms, {path_arg("pathname", "/etc/tool.conf")}, 3);
  auto r = check("type = \"syscall_count\"\nfunction_pattern = \"load_config\"\nmax_calls = 1\n",
                 m.file());
  EXPECT_EQ(r.outcome, Outcome::Error);
  EXPECT_NE(r.summary.find("--source"), std::string::npos) << r.summary;
}

TEST(SourceSelectors, BadRegexIsAConfigError) {
  auto config = parse_assertion_config(
      "[[assertion]]\nname = \"a\"\ntype = \"syscall_count\"\nfunction_pattern = \"(\"\n"
      "max_calls = 1\n",
      "test.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().to_string().find("function_pattern"), std::string::npos)
      << config.error().to_string();
}

TEST(SourceSelectors, SelectsBySourceDirectly) {
  CallSelector sel;
  sel.function_pattern = "^main$";
  Event e;
  EXPECT_FALSE(selects_by_source(sel, e));  // no location
  e.source = SourceLocation{};
  e.source->function = "main";
  EXPECT_TRUE(selects_by_source(sel, e));
  e.source->function = "domain";
  EXPECT_FALSE(selects_by_source(sel, e));
  EXPECT_TRUE(selects_by_source(CallSelector{}, e));
}

}  // namespace
}  // namespace golden::test
