// libgolden_alloc.so on its own, without a tracer: alloc_probe traps golden's marker
// syscall with seccomp and prints every annotation, so each report the library sends
// (at exit, before exec, in a fork child, at a span's close) is checked here.
#include "golden/assertions/alloc_preload.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "capture_fixture.hpp"
#include "golden/test_support/process.hpp"

namespace golden::test {
namespace {

struct Report {
  long pid = 0;
  std::map<std::string, std::string> fields;
  long long num(const std::string& k) const { return fields.count(k) ? std::stoll(fields.at(k)) : -1; }
};

std::vector<Report> probe_reports(std::string* raw) {
  auto lib = alloc_preload_library();
  EXPECT_TRUE(lib) << lib.error().to_string();
  const RunResult probe = run({program_path("alloc_probe")}, {.set_env = {"LD_PRELOAD=" + *lib}});
  EXPECT_EQ(probe.status(), 0) << probe.describe();
  *raw = probe.err;
  std::vector<Report> out;
  std::istringstream lines(*raw);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string tag, topic, kv;
    Report r;
    words >> tag >> r.pid >> topic;
    if (tag != "MARKER" || topic != "golden.alloc") continue;
    while (words >> kv) {
      const auto eq = kv.find('=');
      if (eq != std::string::npos) r.fields[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    out.push_back(r);
  }
  return out;
}

TEST(AllocPreload, ReportsEveryImageForkAndSpan) {
  std::string raw;
  const auto reports = probe_reports(&raw);
  // span, fork child at _exit, parent before exec, new image at exit
  ASSERT_EQ(reports.size(), 4u) << raw;
  const Report& span = reports[0];
  EXPECT_EQ(span.fields.at("span"), "parse_step") << raw;  // the space became '_'
  EXPECT_EQ(span.fields.at("at"), "span");
  EXPECT_EQ(span.num("allocations"), 2);
  EXPECT_EQ(span.num("frees"), 2);
  EXPECT_EQ(span.num("bytes"), 2 << 20);
  EXPECT_GE(span.num("peak_growth_bytes"), 2 << 20);

  const Report& child = reports[1];
  const Report& before_exec = reports[2];
  const Report& after_exec = reports[3];
  EXPECT_NE(child.pid, before_exec.pid);
  EXPECT_EQ(before_exec.pid, after_exec.pid) << "an exec keeps the pid";
  EXPECT_EQ(child.fields.at("at"), "exit");
  EXPECT_GE(child.num("malloc"), 1);
  EXPECT_LT(child.num("malloc"), 5) << "a fork child counts on its own";
  EXPECT_GE(child.num("peak_live_bytes"), 3 << 20);

  EXPECT_EQ(before_exec.fields.at("at"), "exec");
  // At least the probe's own calls (libc adds a few of its own, e.g. stdio's buffer).
  for (const char* k : {"calloc", "reallocarray", "posix_memalign", "aligned_alloc", "memalign", "valloc"})
    EXPECT_GE(before_exec.num(k), 1) << k << "\n" << raw;
  EXPECT_GE(before_exec.num("malloc"), 3);
  EXPECT_GE(before_exec.num("realloc"), 1);  // gcc folds realloc(NULL, n) into malloc(n)
  EXPECT_GE(before_exec.num("free"), 10);
  EXPECT_GE(before_exec.num("bytes"), (4 << 20) + (2 << 20));
  EXPECT_GE(before_exec.num("peak_live_bytes"), 4 << 20);
  EXPECT_LT(before_exec.num("peak_live_bytes"), 16 << 20);

  EXPECT_EQ(after_exec.fields.at("at"), "exit");
  EXPECT_GE(after_exec.num("peak_live_bytes"), 2 << 20);
  EXPECT_LT(after_exec.num("peak_live_bytes"), 4 << 20) << "the new image starts afresh";
}

TEST(AllocPreload, TheEnvironmentEntryKeepsAnExistingPreload) {
  setenv("LD_PRELOAD", "/usr/lib/other.so", 1);
  auto env = alloc_preload_env();
  unsetenv("LD_PRELOAD");
  ASSERT_TRUE(env) << env.error().to_string();
  EXPECT_TRUE(env->starts_with("LD_PRELOAD=/")) << *env;
  EXPECT_TRUE(env->ends_with("libgolden_alloc.so:/usr/lib/other.so")) << *env;
  setenv("GOLDEN_ALLOC_LIB", "/nonexistent/lib.so", 1);
  EXPECT_FALSE(alloc_preload_library());
  unsetenv("GOLDEN_ALLOC_LIB");
}

}  // namespace
}  // namespace golden::test
