#include "source_lines.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace golden::source_test {

int marker_line(const std::string& program_file, const std::string& tag) {
  const std::string path =
      std::string(GOLDEN_SOURCE_DIR) + "/core/source/tests/programs/" + program_file;
  std::ifstream in(path);
  std::string line;
  const std::string needle = "LINE:" + tag;
  for (int n = 1; std::getline(in, line); ++n) {
    const auto at = line.find(needle);
    if (at == std::string::npos) continue;
    const std::size_t after = at + needle.size();
    if (after == line.size() || line[after] == ' ') return n;  // not a longer tag
  }
  ADD_FAILURE() << "no marker LINE:" << tag << " in " << path;
  return 0;
}

std::string program(const std::string& name) {
  return std::string(GOLDEN_SOURCE_PROGRAMS) + "/" + name;
}

std::string base_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace golden::source_test
