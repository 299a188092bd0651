// Scratch directories and whole-file helpers for golden's tests: every test folder uses
// these instead of a copy of its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace golden::test {

// A fresh directory made by mkdtemp, removed with everything in it by the destructor
// (kept when GOLDEN_KEEP_TEMP is set, for looking at a failure). `pattern` ends in
// XXXXXX; a relative pattern is made under $TMPDIR (or /tmp).
class TempDir {
 public:
  explicit TempDir(std::string pattern = "golden-test-XXXXXX");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // PATH/NAME.
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// The whole file, "" when it is missing or unreadable.
std::string read_file(const std::string& path);
// Replaces the file's content with `bytes`; throws std::runtime_error when it cannot.
void write_file(const std::string& path, std::string_view bytes);
bool file_exists(const std::string& path);
// Splits on '\n'; a trailing newline does not make an empty last line.
std::vector<std::string> split_lines(std::string_view text);

// Sets (or, with nullptr, unsets) an environment variable for a scope; restores it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::string old_;
  bool had_ = false;
};

}  // namespace golden::test
