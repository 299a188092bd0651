// C++: a member function in a namespace (demangled, without its parameters) calling
// openat through std::FILE, i.e. through libc's buffered I/O frames.
#include <cstdio>
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

 private:
  std::string path_;
};
}  // namespace app

int main() {
  app::Config config("/golden-src-cpp");
  return config.load() ? 1 : 0;  // LINE:cpp-call
}
