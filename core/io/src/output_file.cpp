#include <filesystem>
#include <fstream>

#include "golden/io/output_file.hpp"

namespace golden {

Status write_output_file(const std::string& path, std::string_view text) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return Error{"cannot write the output file", path};
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::filesystem::remove(partial);
      return Error{"error while writing the output file", path};
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return Error{"cannot write the output file: " + ec.message(), path};
  }
  return Ok{};
}

}  // namespace golden
