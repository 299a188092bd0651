// Finding libgolden_alloc.so at run time: from the environment, relative to the running
// golden executable (build tree or install tree), then the paths known at build time.
#include "golden/assertions/alloc_preload.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace golden {
namespace {

namespace fs = std::filesystem;
constexpr const char* kLibName = "libgolden_alloc.so";

bool usable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

}  // namespace

Result<std::string> alloc_preload_library(const std::string& known) {
  if (const char* env = std::getenv("GOLDEN_ALLOC_LIB"); env != nullptr && *env != '\0') {
    if (usable(env)) return fs::absolute(env).string();
    return Error{"GOLDEN_ALLOC_LIB names no file", env};
  }
  std::vector<fs::path> candidates;
  if (!known.empty()) candidates.emplace_back(known);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path dir = exe.parent_path();
    candidates.push_back(dir / "../golden_alloc" / kLibName);  // build tree: tools/golden/golden
#ifdef GOLDEN_ALLOC_RELATIVE_PATH
    // Install tree, whatever prefix `cmake --install --prefix` chose: bin/golden next to
    // lib/golden/ (or lib/x86_64-linux-gnu/golden/).
    candidates.push_back(dir / GOLDEN_ALLOC_RELATIVE_PATH);
#endif
    candidates.push_back(dir / kLibName);
  }
#ifdef GOLDEN_ALLOC_BUILD_PATH
  candidates.emplace_back(GOLDEN_ALLOC_BUILD_PATH);
#endif
#ifdef GOLDEN_ALLOC_INSTALL_PATH
  candidates.emplace_back(GOLDEN_ALLOC_INSTALL_PATH);
#endif
  for (const fs::path& c : candidates)
    if (usable(c)) return fs::weakly_canonical(c, ec).string();
  return Error{
      "cannot find libgolden_alloc.so (build the golden_alloc target, or set GOLDEN_ALLOC_LIB)",
      ""};
}

Result<std::string> alloc_preload_env(const std::string& known) {
  auto lib = alloc_preload_library(known);
  if (!lib) return lib.error();
  std::string value = *lib;
  // Ours first, so its malloc is the one the program calls; it forwards to the next.
  if (const char* existing = std::getenv("LD_PRELOAD"); existing != nullptr && *existing != '\0')
    value += std::string(":") + existing;
  return "LD_PRELOAD=" + value;
}

}  // namespace golden
