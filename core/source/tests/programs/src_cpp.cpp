// C++ at -O2: a member function in a namespace (demangled, without its parameters)
// calling openat through std::FILE (libc's buffered I/O frames), and reads made through
// std::getline, whose inline wrapper from <string> is expanded here: library code, so
// the reads are attributed to count_lines().
#include <cstdio>
#include <fstream>
#include <string>

namespace app {
class Config {
 public:
  explicit Config(std::string path) : path_(std::move(path)) {}
  __attribute__((noinline)) bool load() {
    std::FILE* f = std::fopen(path_.c_str(), "r"); // LINE:cpp-open
    if (f == nullptr) return false;
    std::fclose(f);
    return true;
  }
  __attribute__((noinline)) std::size_t count_lines() {
    std::ifstream in("/proc/self/status");
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) ++n; // LINE:cpp-getline
    return n;
  }

 private:
  std::string path_;
};
}  // namespace app

int main() {
  app::Config config("/golden-src-cpp");
  const bool loaded = config.load();  // LINE:cpp-call
  return loaded || config.count_lines() == 0 ? 1 : 0;
}
