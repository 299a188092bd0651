// Where an image's DWARF is, by gdb's rules: in the image itself; else a separate debug
// file found through the build-id (ROOT/.build-id/ab/cdef….debug) or the .gnu_debuglink
// name (beside the image, in its .debug/ directory, or ROOT/<image's directory>/NAME).
// ROOTs are the directories of --debug-dir and GOLDEN_DEBUG_DIRS, then /usr/lib/debug.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "elf_image.hpp"

namespace golden::source {

// `extra` first, then $GOLDEN_DEBUG_DIRS (colon-separated), then /usr/lib/debug.
std::vector<std::string> debug_roots(const std::vector<std::string>& extra);

// The file holding `image`'s DWARF: `image_path` itself, a separate debug file, or ""
// when there is none. A separate file must carry the same build-id when both have one.
std::string find_debug_file(const std::string& image_path, const ElfImage& image,
                            std::span<const std::string> roots);

}  // namespace golden::source
