// Running the real `golden` executable from tests, with a controlled environment (CI and
// GOLDEN_UPDATE removed unless a test sets them) and its output captured.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace golden::test {

struct CliResult {
  int status = -1;  // exit status (128+N if killed by signal N)
  std::string out;
  std::string err;
};

CliResult run_golden(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env = {});

// A fresh directory under the system temp dir, removed by the destructor.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path;
  std::string file(const std::string& name) const { return path + "/" + name; }
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

}  // namespace golden::test
