#include <gtest/gtest.h>

#include "golden/equivalence/compare_config.hpp"
#include "path_templates.hpp"

namespace golden::eqv {
namespace {

TEST(LooksGenerated, MktempAndPythonTempfileNames) {
  EXPECT_TRUE(looks_generated("tmp.AbC123xYz9"));
  EXPECT_TRUE(looks_generated("tmpk3j_x9qa"));
  EXPECT_FALSE(looks_generated("tmp.short"));
  EXPECT_FALSE(looks_generated("results"));
  EXPECT_FALSE(looks_generated("tmpfile.txt"));
}

TEST(PathTemplater, CwdHomeAndTemp) {
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.set_cwd("/home/ann/proj");
  t.observe_path("/home/ann/.cache/x");
  t.observe_path("/tmp/tmp.AbC123xYz9/out.txt");
  t.observe_path("/tmp/tmp.ZZZ999yyy0/b");
  EXPECT_EQ(t.path("/home/ann/proj/src/a.c"), "$CWD/src/a.c");
  EXPECT_EQ(t.path("/home/ann/.cache/x"), "$HOME/.cache/x");
  EXPECT_EQ(t.path("/tmp/tmp.AbC123xYz9/out.txt"), "$TMP1/out.txt");
  EXPECT_EQ(t.path("/tmp/tmp.ZZZ999yyy0/b"), "$TMP2/b");
  // A fixed name in /tmp is not generated: a program writing /tmp/a vs /tmp/b differs.
  t.observe_path("/tmp/report.txt");
  EXPECT_EQ(t.path("/tmp/report.txt"), "/tmp/report.txt");
  EXPECT_EQ(t.path("/etc/hosts"), "/etc/hosts");
}

TEST(PathTemplater, ExclusiveCreationIsNoTemplateByItself) {
  // O_EXCL is how cp -a and Python's open(..., "x") create users' files too: a name the
  // run creates is templated only when the run removes it again (add_transient).
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.observe_path("/tmp/secret.conf");
  t.observe_path("/tmp/results.json");
  EXPECT_EQ(t.path("/tmp/secret.conf"), "/tmp/secret.conf");
  EXPECT_EQ(t.path("/tmp/results.json"), "/tmp/results.json");
  EXPECT_TRUE(looks_generated("tmpk3j_x9qa.txt"));
}

TEST(PathTemplater, CwdWinsOverTmpForTheSameDirectory) {
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.set_cwd("/tmp/tmp.AbC123xYz9");
  t.observe_path("/tmp/tmp.AbC123xYz9/x");
  EXPECT_EQ(t.path("/tmp/tmp.AbC123xYz9/x"), "$CWD/x");
}

TEST(PathTemplater, PidsInPathsAndText) {
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.add_pid(4242, "$PID1");
  t.add_pid(7, "$PID2");
  EXPECT_EQ(t.path("/proc/4242/status"), "/proc/$PID1/status");
  EXPECT_EQ(t.path("/proc/7/status"), "/proc/$PID2/status");
  EXPECT_EQ(t.path("/run/app.4242.sock"), "/run/app.$PID1.sock");
  // Short numbers that are not whole components stay: "libc.so.7" is not pid 7.
  EXPECT_EQ(t.path("/lib/libc.so.7"), "/lib/libc.so.7");
  EXPECT_EQ(t.text("started 4242 workers=14242", true), "started $PID1 workers=14242");
  EXPECT_EQ(t.text("7 files", true), "7 files");
}

TEST(PathTemplater, TextReplacementRespectsNameBoundaries) {
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.set_cwd("/work/p");
  t.observe_path("/tmp/tmp.AbC123xYz9/f");
  EXPECT_EQ(t.text("wrote /tmp/tmp.AbC123xYz9/f and /work/p/x", false), "wrote $TMP1/f and $CWD/x");
  EXPECT_EQ(t.text("/work/project stays", false), "/work/project stays");
  EXPECT_EQ(t.text("a/work/p is relative", false), "a/work/p is relative");
}

TEST(PathTemplater, UserTemplates) {
  CompareConfig cfg;
  cfg.templates.push_back({"DATA", "/srv/data-*"});
  PathTemplater t(cfg);
  t.observe_path("/srv/data-17/in.csv");
  t.observe_path("/srv/data-18/in.csv");
  EXPECT_EQ(t.path("/srv/data-17/in.csv"), "$DATA/in.csv");
  EXPECT_EQ(t.path("/srv/data-18/in.csv"), "$DATA2/in.csv");
  auto legend = t.legend();
  EXPECT_EQ(legend["$DATA"], "/srv/data-17");
}

}  // namespace
}  // namespace golden::eqv

namespace golden::eqv {
namespace {

TEST(PathTemplater, ParametersFromEnvironmentAndArguments) {
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.set_cwd("/srv/job");
  t.set_parameters({"HOME=/tmp/fakehome", "TMPDIR=/tmp/ci-1/tmp", "OUT_DIR=/data/out", "SHELL=/bin/bash",
                    "OLDPWD=/tmp/elsewhere", "PATH=/usr/bin:/bin"},
                   {"/usr/bin/tool", "-o", "/tmp/work-HcPhI4/out.txt", "--log=/var/tmp/x/log",
                    "/usr/include", "rel/in.txt", "../up/in.txt", "/opt/tool/script.py", "World"},
                   {"/opt/tool/script.py"});
  for (const char* p : {"/tmp/work-HcPhI4/out.txt", "/var/tmp/x/log", "/srv/up/in.txt"}) t.observe_path(p);
  t.settle_arguments();
  EXPECT_EQ(t.path("/tmp/fakehome/.cache/a"), "$HOME/.cache/a");
  EXPECT_EQ(t.path("/tmp/ci-1/tmp/f"), "$TMPDIR/f");
  EXPECT_EQ(t.path("/data/out/r.csv"), "$OUT_DIR/r.csv");
  // A file argument templates its directory: the report still says which file.
  EXPECT_EQ(t.path("/tmp/work-HcPhI4/out.txt"), "$ARG2/out.txt");
  EXPECT_EQ(t.path("/var/tmp/x/log"), "$ARG3/log");
  // System paths, paths below the cwd and the implementation's own script stay as they are.
  EXPECT_EQ(t.path("/usr/include/stdio.h"), "/usr/include/stdio.h");
  EXPECT_EQ(t.path("/srv/job/rel/in.txt"), "$CWD/rel/in.txt");
  EXPECT_EQ(t.path("/srv/up/in.txt"), "$ARG6/in.txt");
  EXPECT_EQ(t.path("/opt/tool/script.py"), "/opt/tool/script.py");
  EXPECT_EQ(t.path("/tmp/elsewhere/x"), "/tmp/elsewhere/x");
}

TEST(PathTemplater, NamesMadeAndRemovedByTheRunAreTemplatedByCreation) {
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.set_cwd("/w");
  t.add_transient("/w/zilroR9A");
  t.add_transient("/var/cache/app/lock");
  EXPECT_EQ(t.path("/w/zilroR9A"), "$GEN1");
  EXPECT_EQ(t.path("/var/cache/app/lock"), "$GEN2");
  // Below a generated directory that stays (a temp dir given to the run), a name the run
  // removes is its own, maybe random (mktemp "$d/.r.XXXXXX" then mv): numbered too.
  t.observe_path("/tmp/tmp.AbC123xYz9/.r.k2J9xQ");
  t.add_transient("/tmp/tmp.AbC123xYz9/.r.k2J9xQ");
  EXPECT_EQ(t.path("/tmp/tmp.AbC123xYz9/.r.k2J9xQ"), "$GEN3");
  EXPECT_EQ(t.path("/tmp/tmp.AbC123xYz9/kept"), "$TMP1/kept");
  // Below a name the run made and removed (mktemp -d, removed by a trap), the outer
  // name covers it.
  t.add_transient("/w/zilroR9A/inner");
  EXPECT_EQ(t.path("/w/zilroR9A/inner"), "$GEN1/inner");
}

TEST(PathTemplater, AlignsArgumentsInOrder) {
  CompareConfig cfg;
  PathTemplater a(cfg), b(cfg);
  a.set_cwd("/w");
  b.set_cwd("/w");
  a.set_parameters({}, {"./tool", "/tmp/tmp.abc/out"}, {});
  // The port runs as `python3 tool.py OUT`: the same parameter is its second argument.
  b.set_parameters({}, {"python3", "tool.py", "/tmp/work-XYZ/out"}, {});
  a.observe_path("/tmp/tmp.abc/out/r.txt");
  b.observe_path("/tmp/work-XYZ/out/r.txt");
  a.settle_arguments();
  b.settle_arguments();
  auto aligned = PathTemplater::align(a, b);
  EXPECT_EQ(a.path("/tmp/tmp.abc/out/r.txt"), "$ARG1/r.txt");
  EXPECT_EQ(b.path("/tmp/work-XYZ/out/r.txt"), "$ARG1/r.txt");
  ASSERT_EQ(aligned.size(), 1u);
  EXPECT_EQ(aligned[0].name, "$ARG1");
  EXPECT_EQ(aligned[0].a, "/tmp/tmp.abc/out");
  EXPECT_EQ(aligned[0].b, "/tmp/work-XYZ/out");
}

TEST(PathTemplater, AlignsUnexplainedDirectoriesUnderTempRootsByContent) {
  CompareConfig cfg;
  PathTemplater a(cfg), b(cfg);
  a.set_cwd("/w");
  b.set_cwd("/w");
  for (const char* p : {"/tmp/pytest-of-root/pytest-3/test_x0/out.txt", "/tmp/pytest-of-root/pytest-3/test_x0/in.txt",
                        "/tmp/ccAbc123.s", "/tmp/report.txt"})
    a.observe_path(p);
  for (const char* p : {"/tmp/pytest-of-root/pytest-4/test_x0/out.txt", "/tmp/pytest-of-root/pytest-4/test_x0/in.txt",
                        "/tmp/ccXyz789.s", "/tmp/summary.txt"})
    b.observe_path(p);
  auto aligned = PathTemplater::align(a, b);
  EXPECT_EQ(a.path("/tmp/pytest-of-root/pytest-3/test_x0/out.txt"),
            b.path("/tmp/pytest-of-root/pytest-4/test_x0/out.txt"));
  EXPECT_EQ(a.path("/tmp/ccAbc123.s"), b.path("/tmp/ccXyz789.s"));
  // Fixed names that differ are a difference, not a generated part.
  EXPECT_EQ(a.path("/tmp/report.txt"), "/tmp/report.txt");
  EXPECT_EQ(b.path("/tmp/summary.txt"), "/tmp/summary.txt");
  EXPECT_EQ(aligned.size(), 2u);
}

TEST(PathTemplater, AlignsTheTempDirectoryOfARunThatHadNoTmpdir) {
  CompareConfig cfg;
  PathTemplater a(cfg), b(cfg);
  a.set_parameters({"TMPDIR=/tmp/ci-job/tmp"}, {"tool"}, {});
  b.set_parameters({}, {"tool"}, {});
  a.observe_path("/tmp/ci-job/tmp/app.log");
  b.observe_path("/tmp/app.log");
  auto aligned = PathTemplater::align(a, b);
  EXPECT_EQ(a.path("/tmp/ci-job/tmp/app.log"), "$TMPDIR/app.log");
  EXPECT_EQ(b.path("/tmp/app.log"), "$TMPDIR/app.log");
  ASSERT_FALSE(aligned.empty());
  EXPECT_EQ(aligned[0].name, "$TMPDIR");
}

}  // namespace
}  // namespace golden::eqv

namespace golden::eqv {
namespace {

TEST(PathTemplater, ShmPwdAndRelativeTmpdirAreParameters) {
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.set_cwd("/tmp/real-1");
  // PWD names the cwd through a symlink (the recorder keeps it only then).
  t.set_parameters({"PWD=/tmp/link", "XDG_RUNTIME_DIR=/dev/shm/run-1", "TMPDIR=t"}, {"tool"}, {});
  EXPECT_EQ(t.path("/tmp/link/out.txt"), "$CWD/out.txt");
  EXPECT_EQ(t.path("/dev/shm/run-1/app/sock"), "$XDG_RUNTIME_DIR/app/sock");
  EXPECT_EQ(t.path("/tmp/real-1/t/x"), "$TMPDIR/x");  // relative to the cwd
  // A template followed by a doubled slash (TMPDIR=/x/ joined with "/f") reads as one.
  EXPECT_EQ(t.text("/dev/shm/run-1//f", false), "$XDG_RUNTIME_DIR/f");
}

TEST(PathTemplater, PairsWorkDirectoriesUnderDifferentTempRoots) {
  CompareConfig cfg;
  PathTemplater a(cfg), b(cfg);
  a.observe_path("/tmp/e2-job-a-Q1w2/.app/state");
  b.observe_path("/var/tmp/e2-job-b-Z9x8/.app/state");
  PathTemplater::align(a, b);
  EXPECT_EQ(a.path("/tmp/e2-job-a-Q1w2/.app/state"), b.path("/var/tmp/e2-job-b-Z9x8/.app/state"));
}

}  // namespace
}  // namespace golden::eqv

namespace golden::eqv {
namespace {

TEST(PathTemplater, DotEntriesOfACwdThatIsHomeAreHomes) {
  // One run started in $HOME, the other elsewhere: ~/.config is $HOME/.config in both.
  CompareConfig cfg;
  PathTemplater t(cfg);
  t.set_cwd("/home/ann");
  t.set_parameters({"HOME=/home/ann"}, {"tool"}, {});
  t.observe_path("/home/ann/.config/app/settings");
  t.observe_path("/home/ann/out.txt");
  t.settle_home_in_cwd();
  EXPECT_EQ(t.path("/home/ann/.config/app/settings"), "$HOME/.config/app/settings");
  EXPECT_EQ(t.path("/home/ann/out.txt"), "$CWD/out.txt");
}

}  // namespace
}  // namespace golden::eqv
