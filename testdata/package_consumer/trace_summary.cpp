// trace_summary FILE: one line about a golden trace, read with golden::io.
#include <cstdio>
#include <string>

#include "golden/io/trace_reader.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: trace_summary FILE\n");
    return 2;
  }
  golden::Result<golden::TraceFile> file = golden::read_trace(argv[1]);
  if (!file) {
    std::fprintf(stderr, "trace_summary: %s\n", file.error().to_string().c_str());
    return 2;
  }
  for (const golden::Trace& run : file->runs) {
    std::string command;
    for (const std::string& arg : run.run.command) command += (command.empty() ? "" : " ") + arg;
    std::printf("%zu events, exit status %d: %s\n", run.events.size(),
                run.run.exit_status.value_or(-1), command.c_str());
  }
  return file->runs.empty() ? 1 : 0;
}
