// golden: the command-line front end. Each subcommand is in commands/*.cpp and registers
// itself (command_registry.hpp); this file only parses and applies the error policy:
// a user error is one line on stderr, `golden: <where>: <what>`, and exit status 2.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>

#include "command_registry.hpp"
#include "golden/model/result.hpp"

namespace golden::cli {
std::vector<CommandEntry>& command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}
}  // namespace golden::cli

int main(int argc, char** argv) {
  using namespace golden::cli;
  CLI::App app{"golden: syscall-level golden-trace regression testing"};
  app.set_version_flag("--version", "golden " GOLDEN_VERSION);
  app.require_subcommand(1);

  auto& registry = command_registry();
  std::sort(registry.begin(), registry.end(),
            [](const CommandEntry& a, const CommandEntry& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, RunFn>> runs;
  for (auto& entry : registry) {
    CLI::App* sub = app.add_subcommand(entry.name);
    runs.emplace_back(sub, entry.setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0: let CLI11 print them.
    if (e.get_exit_code() == 0) return app.exit(e);
    // Anything else is a usage error: one line naming the subcommand, exit 2.
    std::string where;
    for (auto& [sub, run] : runs)
      if (sub->parsed()) where = sub->get_name() + ": ";
    std::fprintf(stderr, "golden: %s%s (see golden %s--help)\n", where.c_str(), e.what(),
                 where.empty() ? "" : (where.substr(0, where.size() - 2) + " ").c_str());
    return 2;
  }
  try {
    for (auto& [sub, run] : runs)
      if (sub->parsed()) return run();
  } catch (const golden::UsageError& e) {
    std::fprintf(stderr, "golden: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "golden: error: %s\n", e.what());
    return 2;
  }
  return 2;
}
