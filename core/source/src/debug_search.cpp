#include "debug_search.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <string_view>

namespace golden::source {
namespace {

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash == 0 ? 1 : slash);
}

// A candidate is taken only if it holds DWARF and, when both carry a build-id, the
// image's: a stale debug file of an older build would give wrong lines.
bool usable(const std::string& candidate, const ElfImage& image) {
  if (!is_file(candidate)) return false;
  auto debug = ElfImage::open(candidate);
  if (!debug || !debug->has_dwarf()) return false;
  return image.build_id().empty() || debug->build_id().empty() ||
         debug->build_id() == image.build_id();
}

}  // namespace

std::vector<std::string> debug_roots(const std::vector<std::string>& extra) {
  std::vector<std::string> roots;
  auto add = [&](std::string_view dir) {
    while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
    if (!dir.empty()) roots.emplace_back(dir);
  };
  for (const std::string& d : extra) add(d);
  if (const char* env = std::getenv("GOLDEN_DEBUG_DIRS")) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      add(rest.substr(0, colon));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  add("/usr/lib/debug");
  return roots;
}

std::string find_debug_file(const std::string& image_path, const ElfImage& image,
                            std::span<const std::string> roots) {
  if (image.has_dwarf()) return image_path;
  const std::string& id = image.build_id();
  if (id.size() > 2) {
    for (const std::string& root : roots) {
      const std::string candidate =
          root + "/.build-id/" + id.substr(0, 2) + "/" + id.substr(2) + ".debug";
      if (usable(candidate, image)) return candidate;
    }
  }
  const std::string& link = image.debuglink();
  if (!link.empty() && link.find('/') == std::string::npos) {
    const std::string dir = directory_of(image_path);
    std::vector<std::string> candidates = {dir + "/" + link, dir + "/.debug/" + link};
    for (const std::string& root : roots) candidates.push_back(root + dir + "/" + link);
    for (const std::string& c : candidates)
      if (c != image_path && usable(c, image)) return c;
  }
  return {};
}

}  // namespace golden::source
