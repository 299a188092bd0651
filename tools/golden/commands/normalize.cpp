// golden normalize FILE: the canonical normalized form of a run, as comparison sees it
// (SPEC §4): one effect per line, stable across runs, for readable git diffs.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "command_registry.hpp"
#include "golden/io/output_file.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "golden/equivalence/normalized.hpp"
#include "golden/io/trace_reader.hpp"
#include "golden/model/result.hpp"

namespace golden::cli {
namespace {

struct NormalizeArgs {
  std::string file;
  std::string config;
  std::string output;
  unsigned run = 0;
  bool legend = false;
};

int run_normalize(const NormalizeArgs& args) {
  CompareConfig config;
  if (!args.config.empty()) {
    auto c = load_compare_config(args.config);
    if (!c) throw UsageError(c.error());
    config = std::move(c).value();
  }
  add_environment_defaults(config);
  auto file = read_trace(args.file);
  if (!file) throw UsageError(file.error());
  if (file->runs.empty()) throw UsageError(Error{"the file holds no run", args.file});
  if (args.run >= file->runs.size())
    throw UsageError(Error{"--run " + std::to_string(args.run) + ": the file holds " +
                               std::to_string(file->runs.size()) + " run(s), numbered from 0",
                           args.file});
  NormalizedTrace n = normalize(file->runs[args.run], config, file->header);
  if (file->truncated) n.notes.push_back("the trace is truncated: its last effects may be missing");
  std::string text = format_normalized(n, {.legend = args.legend});
  if (args.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    if (Status written = write_output_file(args.output, text); !written)
      throw UsageError(written.error());
  }
  return 0;
}

const RegisterCommand kRegister{"normalize", 45, [](CLI::App& app) -> RunFn {
  auto args = std::make_shared<NormalizeArgs>();
  app.description("Print the normalized effects of a trace, as `golden compare` compares them");
  app.add_option("FILE", args->file, "trace file (.json, .json.zst, renacer-json-v1)")->required();
  app.add_option("-c,--config", args->config, "TOML file with a [compare] table");
  app.add_option("-o,--output", args->output, "write to this file instead of stdout");
  app.add_option("--run", args->run, "which run of a --runs N file (0-based)")->capture_default_str();
  app.add_flag("--legend", args->legend,
               "also print what each template stands for ($TMP1 = /tmp/...; differs between runs)");
  return [args] { return run_normalize(*args); };
}};

}  // namespace
}  // namespace golden::cli
