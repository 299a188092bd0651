// Small /proc readers. The recorder reads /proc only at rare moments (start, attach,
// fd creation, exec, exit), never per syscall: see PERF-NOTES.md.
#pragma once

#include <optional>
#include <string>

#include "golden/model/ids.hpp"

namespace golden::rec {

// The whole file (up to `max` bytes); nullopt when it cannot be opened.
std::optional<std::string> read_small_file(const std::string& path, std::size_t max = 1 << 20);
// readlink(2) as a string; nullopt on failure.
std::optional<std::string> read_link(const std::string& path);

std::string proc_path(Tid tid, const char* leaf);             // "/proc/<tid>/<leaf>"
std::string proc_fd_path(Tid tid, int fd);                    // "/proc/<tid>/fd/<fd>"

}  // namespace golden::rec
