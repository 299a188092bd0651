// The kinds of observable behaviour ("effects") that comparison looks at (SPEC §5).
// Each is a report section, a JUnit testcase, and a name users write in `relax = [...]`
// and in allow rules.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace golden {

enum class Category : std::uint8_t {
  Processes,    // programs executed (path + argv) and the process tree
  ExitStatus,   // each process's exit code or killing signal
  Stdout,       // bytes written to the root's initial fd 1 (and copies of it)
  Stderr,       // bytes written to the root's initial fd 2
  FileContent,  // bytes written to each file
  FileOps,      // files created, truncated, deleted, renamed, chmod-ed, linked, mkdir'd
  UserReads,    // user files and directories read (outside system prefixes)
  Network,      // endpoints contacted, bound or accepted
  Signals,      // signals sent to other processes
  Syscalls,     // call-by-call sequences of the classes named in include_classes
};

inline constexpr std::array<Category, 10> kAllCategories{
    Category::Processes, Category::ExitStatus,  Category::Stdout,   Category::Stderr,
    Category::FileContent, Category::FileOps,   Category::UserReads, Category::Network,
    Category::Signals,   Category::Syscalls};

// "processes", "exit_status", "stdout", "stderr", "file_content", "file_ops",
// "user_reads", "network", "signals", "syscalls".
std::string_view to_string(Category c);
// Accepts the names above, plus "files" (= file_content + file_ops). Empty: unknown.
std::vector<Category> categories_from_string(std::string_view name);
// One-line description for reports ("bytes written to stdout").
std::string_view describe(Category c);

}  // namespace golden
