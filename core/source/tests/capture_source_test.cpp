// Source correlation through the recorder (golden::capture with source = true): every
// case of SPEC §8 / issue 10, each a known syscall at a known file:line in a known
// function of a test program (core/source/tests/programs).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string_view>

#include "elf_image.hpp"
#include "golden/recorder/recorder.hpp"
#include "source_lines.hpp"

namespace golden {
namespace {

using source_test::base_name;
using source_test::marker_line;
using source_test::program;

struct Captured {
  TraceFile file;
  CaptureOutcome outcome;
};

Captured capture_with_source(std::vector<std::string> argv, unsigned frames = 0,
                             std::vector<std::string> debug_dirs = {}) {
  CaptureOptions o;
  o.command = std::move(argv);
  o.source = true;
  o.source_frames = frames;
  o.debug_dirs = std::move(debug_dirs);
  TraceBuilder sink;
  Captured out;
  Result<CaptureOutcome> r = capture(o, sink);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_string());
  if (r.ok()) out.outcome = *r;
  out.file = std::move(sink.file());
  EXPECT_EQ(out.file.runs.size(), 1u);
  return out;
}

// The openat/open of `path`.
const Event* open_of(const Trace& t, std::string_view path) {
  for (const Event& e : t.events) {
    if (e.name != "openat" && e.name != "open") continue;
    for (const Arg& a : e.args)
      if (a.kind == ArgKind::Path && a.str == path) return &e;
  }
  return nullptr;
}

const SourceLocation& source_of_open(const Captured& c, std::string_view path) {
  static const SourceLocation kNone;
  const Event* e = c.file.runs.empty() ? nullptr : open_of(c.file.runs[0], path);
  EXPECT_NE(e, nullptr) << "no open of " << path;
  if (e == nullptr) return kNone;
  EXPECT_TRUE(e->source.has_value()) << "no source for the open of " << path;
  return e->source ? *e->source : kNone;
}

void expect_at(const SourceLocation& s, const char* file, const char* tag, const char* function,
               const char* caller) {
  EXPECT_EQ(base_name(s.file), file);
  EXPECT_EQ(s.line, marker_line(file, tag)) << s.file;
  EXPECT_EQ(s.function, function);
  EXPECT_EQ(s.caller, caller);
}

class SourceCaptureBasic : public ::testing::TestWithParam<const char*> {};

TEST_P(SourceCaptureBasic, OpenIsInLoadConfig) {
  const std::string path = program(GetParam());
  const Captured c = capture_with_source({path});
  const SourceLocation& s = source_of_open(c, "/golden-src-basic");
  expect_at(s, "src_basic.c", "basic-open", "load_config", "main");
  EXPECT_EQ(s.module, path);
  EXPECT_NE(s.offset, 0u);
  EXPECT_TRUE(c.outcome.notes.empty());
  // Nothing was counted as a failure to unwind.
  EXPECT_EQ(c.file.runs[0].run.counters.count("source.unwind_failed"), 0u);
}

// PIE and non-PIE at -O0, -O2, DWARF 4, compressed debug sections, split DWARF (lines
// from the binary, names from its symbol table), stripped with a .gnu_debuglink file.
INSTANTIATE_TEST_SUITE_P(Variants, SourceCaptureBasic,
                         ::testing::Values("src_basic_O0_pie", "src_basic_O0_nopie", "src_basic_O2",
                                           "src_basic_dwarf4", "src_basic_gz", "src_basic_split",
                                           "src_debuglink"));

TEST(SourceCapture, InlinedFunctionIsTheInnermostFrame) {
  const Captured c = capture_with_source({program("src_inline")});
  expect_at(source_of_open(c, "/golden-src-inline"), "src_inline.c", "inline-open", "open_ro",
            "read_settings");
}

TEST(SourceCapture, FramesAskedForIncludeLibcAndTheInlineChain) {
  const Captured c = capture_with_source({program("src_inline")}, 8);
  const SourceLocation& s = source_of_open(c, "/golden-src-inline");
  ASSERT_GE(s.frames.size(), 4u);
  // The innermost frame is libc's open wrapper.
  EXPECT_NE(s.frames[0].module.find("libc.so"), std::string::npos) << s.frames[0].module;
  std::size_t i = 0;
  while (i < s.frames.size() && s.frames[i].function != "open_ro") ++i;
  ASSERT_LT(i + 2, s.frames.size());
  EXPECT_TRUE(s.frames[i].inlined);
  EXPECT_EQ(s.frames[i].line, marker_line("src_inline.c", "inline-open"));
  EXPECT_EQ(s.frames[i + 1].function, "read_settings");
  EXPECT_FALSE(s.frames[i + 1].inlined);
  EXPECT_EQ(s.frames[i + 1].line, marker_line("src_inline.c", "inline-call"));
  EXPECT_EQ(s.frames[i].offset, s.frames[i + 1].offset);  // one physical frame
  EXPECT_EQ(s.frames[i + 2].function, "main");
  EXPECT_LE(s.frames.size(), 8u);
}

TEST(SourceCapture, CxxThroughStdio) {
  const Captured c = capture_with_source({program("src_cpp")});
  expect_at(source_of_open(c, "/golden-src-cpp"), "src_cpp.cpp", "cpp-open", "app::Config::load",
            "main");
}

TEST(SourceCapture, CodeInlinedFromSystemHeadersIsLibraryCode) {
  // std::getline's inline wrapper from <string> is expanded in count_lines(): its frame
  // (in /usr/include/c++/...) is skipped, the reads belong to count_lines().
  const Captured c = capture_with_source({program("src_cpp")});
  const Trace& t = c.file.runs.at(0);
  int reads = 0;
  for (const Event& e : t.events) {
    if (e.name != "read" || e.args.empty() || e.args[0].str != "/proc/self/status") continue;
    ++reads;
    ASSERT_TRUE(e.source.has_value());
    EXPECT_EQ(e.source->function, "app::Config::count_lines");
    EXPECT_EQ(e.source->line, marker_line("src_cpp.cpp", "cpp-getline"));
    EXPECT_EQ(e.source->caller, "main");
  }
  EXPECT_GT(reads, 0);
}

TEST(SourceCapture, UserSharedLibrary) {
  const Captured c = capture_with_source({program("src_lib_main")});
  const SourceLocation& s = source_of_open(c, "/golden-src-lib");
  expect_at(s, "src_lib.c", "lib-open", "lib_open_data", "main");
  EXPECT_EQ(base_name(s.module), "libsrcuser.so");
}

TEST(SourceCapture, ForkAndExecResolveEachImage) {
  const Captured c = capture_with_source({program("src_fork_exec"), program("src_basic_O2")});
  const Trace& t = c.file.runs.at(0);
  expect_at(source_of_open(c, "/golden-src-parent"), "src_fork_exec.c", "parent-open",
            "parent_work", "main");
  expect_at(source_of_open(c, "/golden-src-child"), "src_basic.c", "basic-open", "load_config",
            "main");
  const Event* parent = open_of(t, "/golden-src-parent");
  const Event* child = open_of(t, "/golden-src-child");
  ASSERT_TRUE(parent && child);
  EXPECT_NE(parent->pid, child->pid);
  // The child's execve is located in the parent's image, at the call.
  for (const Event& e : t.events) {
    if (e.name != "execve" || e.pid != child->pid) continue;
    ASSERT_TRUE(e.source.has_value());
    EXPECT_EQ(e.source->line, marker_line("src_fork_exec.c", "child-exec"));
    EXPECT_EQ(e.source->function, "main");
  }
}

TEST(SourceCapture, Threads) {
  const Captured c = capture_with_source({program("src_threads")});
  const Event* e = open_of(c.file.runs.at(0), "/golden-src-thread");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->tid.value, e->pid.value);
  expect_at(source_of_open(c, "/golden-src-thread"), "src_threads.c", "thread-open", "thread_body",
            "worker");
}

TEST(SourceCapture, BuildIdDebugFileUnderAGivenDirectory) {
  const std::string path = program("src_buildid");
  auto elf = source::ElfImage::open(path);
  ASSERT_TRUE(elf && elf->build_id().size() > 2);
  const std::filesystem::path root = std::filesystem::temp_directory_path() /
                                     ("golden-source-capture-" + std::to_string(::getpid()));
  const std::string& id = elf->build_id();
  std::filesystem::create_directories(root / ".build-id" / id.substr(0, 2));
  std::filesystem::copy_file(program("src_buildid.debug-store"),
                             root / ".build-id" / id.substr(0, 2) / (id.substr(2) + ".debug"),
                             std::filesystem::copy_options::overwrite_existing);
  const Captured c = capture_with_source({path}, 0, {root.string()});
  expect_at(source_of_open(c, "/golden-src-basic"), "src_basic.c", "basic-open", "load_config",
            "main");
  std::filesystem::remove_all(root);
}

TEST(SourceCapture, NoDebugInfoGoesOnWithSymbolsAndANote) {
  const std::string path = program("src_nodebug");
  const Captured c = capture_with_source({path});
  const SourceLocation& s = source_of_open(c, "/golden-src-basic");
  EXPECT_EQ(s.file, "");
  EXPECT_EQ(s.line, 0);
  EXPECT_EQ(s.function, "load_config");
  EXPECT_EQ(s.caller, "main");
  EXPECT_EQ(s.module, path);
  EXPECT_NE(s.offset, 0u);
  ASSERT_EQ(c.outcome.notes.size(), 1u);
  EXPECT_NE(c.outcome.notes[0].find(path), std::string::npos) << c.outcome.notes[0];
  EXPECT_EQ(c.outcome.notes[0].find("libc"), std::string::npos) << c.outcome.notes[0];
}

TEST(SourceCapture, StrippedBinaryShowsModuleAndOffset) {
  const std::string path = program("src_nodebug_stripped");
  const Captured c = capture_with_source({path});
  const SourceLocation& s = source_of_open(c, "/golden-src-basic");
  EXPECT_EQ(s.file, "");
  EXPECT_EQ(s.function, "");
  EXPECT_EQ(s.module, path);
  EXPECT_NE(s.offset, 0u);
  ASSERT_EQ(c.outcome.notes.size(), 1u);
}

TEST(SourceCapture, LoaderCallsHaveNoUserFrame) {
  // Before main, ld.so maps libc: no frame of the program's own is on the stack.
  const Captured c = capture_with_source({program("src_basic_O0_pie")});
  const Trace& t = c.file.runs.at(0);
  ASSERT_FALSE(t.events.empty());
  EXPECT_EQ(t.events[0].name, "execve");
  EXPECT_FALSE(t.events[0].source.has_value());  // made by golden's own launcher
  bool saw_loader_mmap = false;
  for (const Event& e : t.events) {
    if (e.name == "mmap" && !e.source) saw_loader_mmap = true;
  }
  EXPECT_TRUE(saw_loader_mmap);
  EXPECT_GT(t.run.counters.at("source.no_user_frame"), 0u);
}

TEST(SourceCapture, WithoutSourceNothingIsRecorded) {
  CaptureOptions o;
  o.command = {program("src_basic_O0_pie")};
  TraceBuilder sink;
  ASSERT_TRUE(capture(o, sink).ok());
  for (const Event& e : sink.file().runs.at(0).events) EXPECT_FALSE(e.source.has_value());
}

}  // namespace
}  // namespace golden
