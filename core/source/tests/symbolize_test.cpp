// Offline symbolization of the test programs' files (golden::source::Symbolizer): a
// function's entry address resolves to its name and the line of its definition in every
// build variant, debug files are found beside the binary, through the build-id under a
// given root, or not at all; without DWARF the symbol table still names the function.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "elf_image.hpp"
#include "golden/source/symbolizer.hpp"
#include "source_lines.hpp"

namespace golden::source {
namespace {

using source_test::base_name;
using source_test::marker_line;
using source_test::program;

std::vector<SourceFrame> at_symbol(Symbolizer& s, const std::string& path, const char* symbol) {
  auto address = s.symbol_address(path, symbol);
  EXPECT_TRUE(address.has_value()) << symbol << " in " << path;
  if (!address) return {};
  return s.resolve(path, *address);
}

void expect_load_config(const std::vector<SourceFrame>& frames, bool exact_line = true) {
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].function, "load_config");
  EXPECT_EQ(base_name(frames[0].file), "src_basic.c");
  EXPECT_TRUE(frames[0].file.front() == '/') << frames[0].file;
  if (exact_line) {
    EXPECT_EQ(frames[0].line, marker_line("src_basic.c", "basic-def"));
  }
  EXPECT_FALSE(frames[0].inlined);
}

class SourceSymbolize : public ::testing::TestWithParam<const char*> {};

TEST_P(SourceSymbolize, FunctionEntryIsItsDefinition) {
  Symbolizer s;
  const std::string path = program(GetParam());
  EXPECT_EQ(s.debug_file(path), path);
  expect_load_config(at_symbol(s, path, "load_config"));
}

// PIE and not, -O0 and -O2, DWARF 5 (gcc 12's default) and 4, compressed sections.
INSTANTIATE_TEST_SUITE_P(Variants, SourceSymbolize,
                         ::testing::Values("src_basic_O0_pie", "src_basic_O0_nopie", "src_basic_O2",
                                           "src_basic_dwarf4", "src_basic_gz"));

TEST(SourceSymbolizeCases, NonPieAddressesAreAbsolute) {
  Symbolizer s;
  auto pie = s.symbol_address(program("src_basic_O0_pie"), "load_config");
  auto fixed = s.symbol_address(program("src_basic_O0_nopie"), "load_config");
  ASSERT_TRUE(pie && fixed);
  EXPECT_LT(*pie, 0x100000u);
  EXPECT_GE(*fixed, 0x400000u);
}

TEST(SourceSymbolizeCases, SplitDwarfHasLinesAndSymbolNames) {
  // -gsplit-dwarf leaves the line table in the binary and the DIEs in .dwo files golden
  // does not read: the name comes from the symbol table.
  Symbolizer s;
  expect_load_config(at_symbol(s, program("src_basic_split"), "load_config"));
}

TEST(SourceSymbolizeCases, CxxMemberFunction) {
  Symbolizer s;
  auto frames = at_symbol(s, program("src_cpp"), "_ZN3app6Config4loadEv");
  ASSERT_FALSE(frames.empty());
  EXPECT_EQ(frames.back().function, "app::Config::load");
  EXPECT_EQ(base_name(frames.back().file), "src_cpp.cpp");
}

TEST(SourceSymbolizeCases, SharedLibraryOwnDebugInfo) {
  Symbolizer s;
  auto frames = at_symbol(s, program("libsrcuser.so"), "lib_open_data");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].function, "lib_open_data");
  EXPECT_EQ(base_name(frames[0].file), "src_lib.c");
}

TEST(SourceSymbolizeCases, DebuglinkBesideTheBinary) {
  Symbolizer s;
  const std::string path = program("src_debuglink");
  EXPECT_EQ(s.debug_file(path), program("src_debuglink.debug"));
  expect_load_config(at_symbol(s, path, "load_config"));
}

// ROOT/.build-id/xx/yyyy.debug for `binary`'s build-id, under a fresh directory.
std::string build_id_root(const std::string& binary, const std::string& debug_file) {
  auto elf = ElfImage::open(binary);
  EXPECT_TRUE(elf && elf->build_id().size() > 2);
  const std::string root =
      std::filesystem::temp_directory_path() / ("golden-source-test-" + std::to_string(::getpid()));
  const std::string& id = elf->build_id();
  const std::filesystem::path dir = std::filesystem::path(root) / ".build-id" / id.substr(0, 2);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(debug_file, dir / (id.substr(2) + ".debug"),
                             std::filesystem::copy_options::overwrite_existing);
  return root;
}

TEST(SourceSymbolizeCases, BuildIdUnderAGivenRoot) {
  const std::string path = program("src_buildid");
  {
    // Stripped, no debuglink, not under /usr/lib/debug: symbols only.
    Symbolizer s;
    EXPECT_EQ(s.debug_file(path), "");
    auto frames = at_symbol(s, path, "load_config");
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].function, "load_config");
    EXPECT_EQ(frames[0].file, "");
  }
  const std::string root = build_id_root(path, program("src_buildid.debug-store"));
  Symbolizer s({root});
  EXPECT_NE(s.debug_file(path).find(root + "/.build-id/"), std::string::npos);
  expect_load_config(at_symbol(s, path, "load_config"));
  std::filesystem::remove_all(root);
}

TEST(SourceSymbolizeCases, StaleDebugFileOfAnotherBuildIsRefused) {
  // Another build's DWARF under this build's id (a stale debug package): refused.
  const std::string path = program("src_buildid");
  const std::string root = build_id_root(path, program("src_basic_O2"));
  Symbolizer s({root});
  EXPECT_EQ(s.debug_file(path), "");
  std::filesystem::remove_all(root);
}

TEST(SourceSymbolizeCases, NoDebugInfoNamesFromTheSymbolTable) {
  Symbolizer s;
  const std::string path = program("src_nodebug");
  EXPECT_EQ(s.debug_file(path), "");
  auto frames = at_symbol(s, path, "load_config");
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].function, "load_config");
  EXPECT_EQ(frames[0].file, "");
  EXPECT_EQ(frames[0].line, 0);
  EXPECT_EQ(frames[0].module, path);
}

TEST(SourceSymbolizeCases, FullyStrippedKnowsNothing) {
  Symbolizer s;
  const std::string path = program("src_nodebug_stripped");
  EXPECT_FALSE(s.symbol_address(path, "load_config").has_value());
  EXPECT_TRUE(s.resolve(path, 0x1139).empty());
}

TEST(SourceSymbolizeCases, NotAnElfFile) {
  Symbolizer s;
  EXPECT_TRUE(s.resolve(std::string(GOLDEN_SOURCE_DIR) + "/README.md", 0x10).empty());
  EXPECT_TRUE(s.resolve("/nonexistent/golden", 0x10).empty());
}

}  // namespace
}  // namespace golden::source
