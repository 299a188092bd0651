#include "golden/equivalence/categories.hpp"

namespace golden {
namespace {

struct CategoryName {
  Category category;
  std::string_view name;
  std::string_view description;
};

constexpr CategoryName kNames[] = {
    {Category::Processes, "processes", "programs executed and the process tree"},
    {Category::ExitStatus, "exit_status", "exit statuses"},
    {Category::Stdout, "stdout", "bytes written to stdout"},
    {Category::Stderr, "stderr", "bytes written to stderr"},
    {Category::FileContent, "file_content", "bytes written to files"},
    {Category::FileOps, "file_ops", "files created, deleted, renamed, chmod-ed"},
    {Category::UserReads, "user_reads", "user files read"},
    {Category::Network, "network", "network endpoints contacted"},
    {Category::Signals, "signals", "signals sent to other processes"},
    {Category::Syscalls, "syscalls", "call sequences of the included syscall classes"},
};

}  // namespace

std::string_view to_string(Category c) {
  for (const auto& n : kNames)
    if (n.category == c) return n.name;
  return "?";
}

std::string_view describe(Category c) {
  for (const auto& n : kNames)
    if (n.category == c) return n.description;
  return "?";
}

std::vector<Category> categories_from_string(std::string_view name) {
  if (name == "files") return {Category::FileContent, Category::FileOps};
  for (const auto& n : kNames)
    if (n.name == name) return {n.category};
  return {};
}

}  // namespace golden
