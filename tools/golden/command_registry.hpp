// Each subcommand lives in its own file under commands/ and registers itself here, so
// main.cpp stays a thin front end and adding a command touches no shared file.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace golden::cli {

// Adds the subcommand to `app`; returns the function to run when it was chosen.
// The run function returns the process exit status; it may throw UsageError (exit 2).
using RunFn = std::function<int()>;
using SetupFn = std::function<RunFn(CLI::App& app)>;

struct CommandEntry {
  std::string name;
  int order;  // position in --help
  SetupFn setup;
};

std::vector<CommandEntry>& command_registry();

struct RegisterCommand {
  RegisterCommand(std::string name, int order, SetupFn setup) {
    command_registry().push_back({std::move(name), order, std::move(setup)});
  }
};

}  // namespace golden::cli
