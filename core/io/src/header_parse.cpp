#include "header_parse.hpp"

namespace golden::io_detail {
namespace {

constexpr int kVersion = 1;

}  // namespace

TraceHeader parse_header(const Json& obj, std::uint64_t& unknown) {
  TraceHeader h;
  auto format = obj.find("format");
  if (format == obj.end() || !format->is_string()) fail("not a trace file: no \"format\" field");
  if (*format != "golden-trace")
    fail("unknown trace format '" + format->get<std::string>() +
         "' (golden reads golden-trace and renacer-json-v1)");
  auto version = obj.find("version");
  if (version == obj.end()) fail("golden-trace header without a \"version\"");
  if (!version->is_number_integer() || *version != kVersion)
    fail("unsupported golden-trace version " + version->dump() + " (this golden reads version " +
         std::to_string(kVersion) + ")");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "format" || k == "version" || k == "records") continue;
    if (k == "tool")
      h.tool = get_bytes(v, "tool");
    else if (k == "filter")
      h.filter = get_bytes(v, "filter");
    else if (k == "string_limit")
      h.string_limit = get_u32(v, "string_limit");
    else if (k == "has_pids")
      h.has_pids = get_bool(v, "has_pids");
    else if (k == "has_timing")
      h.has_timing = get_bool(v, "has_timing");
    else if (k == "has_clocks")
      h.has_clocks = get_bool(v, "has_clocks");
    else
      ++unknown;
  }
  return h;
}

}  // namespace golden::io_detail
