// The images (executables, shared libraries, the vDSO) seen in traced processes, shared
// by every process that maps them: the ELF file, whether it is a *system* image, its
// DWARF index (one per build-id, opened on first need) and the locations already
// resolved in it (link-time address -> frames), kept for the whole capture.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dwarf_index.hpp"
#include "elf_image.hpp"
#include "process_maps.hpp"

namespace golden::source {

struct Image {
  std::string path;               // the module name frames carry
  std::unique_ptr<ElfImage> elf;  // null when the file could not be read
  bool system = false;            // see is_system_image
  bool debug_looked_up = false;
  DwarfIndex* dwarf = nullptr;  // owned by the ImageCache; null without debug info
  std::unordered_map<std::uint64_t, std::vector<ResolvedFrame>> resolved;
  std::unordered_map<std::uint64_t, std::vector<ResolvedFrame>> by_symbol;  // symbols only
};

// The C runtime, the dynamic loader, the C++ and compiler runtimes, sanitizer runtimes,
// golden's preload library and the vDSO: code that makes syscalls on a program's behalf,
// never the "user" frame a syscall is attributed to.
bool is_system_image(const std::string& path);

class ImageCache {
 public:
  explicit ImageCache(std::vector<std::string> debug_roots) : roots_(std::move(debug_roots)) {}

  // The image behind a mapping of process `pid`; null for anonymous memory and special
  // mappings other than the vDSO.
  Image* image_for(int pid, const Mapping& mapping);
  // Opens the image's DWARF on first call; false when it has none.
  bool has_debug_info(Image& image);
  // The frames at link-time address `pc`: from DWARF when it covers pc, else one frame
  // named by the ELF symbol table (when a symbol covers pc), else none. With `dwarf`
  // false only the symbol table is asked: a system image's caller frame does not need
  // its (large) debug info opened.
  const std::vector<ResolvedFrame>& resolve(Image& image, std::uint64_t pc, bool dwarf = true);

  std::size_t image_count() const { return images_.size(); }

 private:
  Image* vdso_image(int pid, const Mapping& mapping);
  std::vector<std::string> roots_;
  std::unordered_map<std::string, std::unique_ptr<Image>> images_;
  // By build-id (or debug file path when the image has none): a library mapped by many
  // processes, or a program run again, is indexed once.
  std::unordered_map<std::string, std::unique_ptr<DwarfIndex>> dwarf_;
};

}  // namespace golden::source
