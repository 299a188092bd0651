// Hostile input is refused where it passes a documented limit (docs/trace-format.md §8
// "Limits"), without reading, buffering or parsing the rest: "[" or "{" and 512 MiB of
// blanks, a record that never ends, nesting without end, a decompression bomb. And the
// document reader that makes this possible (a reformatted golden-trace or a renacer file,
// read piece by piece) reads what the whole-document parse read.
#include <gtest/gtest.h>
#include <zstd.h>

#include <string>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

constexpr const char* kHeader =
    "{\"format\":\"golden-trace\",\"version\":1,\"tool\":\"t\",\"filter\":\"\",\"string_limit\":0,"
    "\"records\":[\n";

// `head`, then `fill` repeated to `size` bytes, compressed as a stream (no content size in
// the frame header, as a pipe into zstd writes it): a few KiB on disk.
std::string zstd_stream(const std::string& head, char fill, std::size_t size) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  std::string out;
  std::string block(1 << 20, fill);
  std::string buf(ZSTD_CStreamOutSize(), '\0');
  auto push = [&](std::string_view in, ZSTD_EndDirective mode) {
    ZSTD_inBuffer ib{in.data(), in.size(), 0};
    for (;;) {
      ZSTD_outBuffer ob{buf.data(), buf.size(), 0};
      std::size_t left = ZSTD_compressStream2(cctx, &ob, &ib, mode);
      EXPECT_FALSE(ZSTD_isError(left));
      out.append(buf.data(), ob.pos);
      if (ZSTD_isError(left) || (mode == ZSTD_e_end ? left == 0 : ib.pos == ib.size)) break;
    }
  };
  push(head, ZSTD_e_continue);
  for (std::size_t done = head.size(); done < size; done += block.size())
    push(std::string_view(block).substr(0, std::min(block.size(), size - done)), ZSTD_e_continue);
  push({}, ZSTD_e_end);
  ZSTD_freeCCtx(cctx);
  return out;
}

constexpr std::size_t k512MiB = std::size_t{512} << 20;

TEST(IoLimits, DefaultRecordLimitIs64MiB) {
  EXPECT_EQ(ReadOptions{}.max_record, std::uint64_t{64} << 20);
}

TEST(IoLimits, ArrayOfBlanksIsRefusedAtItsFirstByte) {
  // The bomb of the issue: "[" and 512 MiB of spaces in 16 KiB. Not an object: refused
  // as soon as the document's first character is seen.
  const std::string bomb = zstd_stream("[", ' ', k512MiB);
  EXPECT_LT(bomb.size(), 64u << 10);
  auto r = parse_trace(bomb, "bomb.json.zst");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "not a trace file: the document is not a JSON object (it starts with '[')");
  EXPECT_NE(r.error().where.find("(decompressed byte 0)"), std::string::npos) << r.error().where;
}

TEST(IoLimits, ObjectOfBlanksIsRefusedAtTheRecordLimit) {
  const std::string bomb = zstd_stream("{", ' ', k512MiB);
  auto r = parse_trace(bomb, "bomb.json.zst");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "no complete JSON value in 64 MiB (the limit for one record, "
            "ReadOptions::max_record); corrupt input?");
  // Where the text passed the limit; the compressed input had not been read to its end.
  EXPECT_NE(r.error().where.find("(decompressed byte 67108865)"), std::string::npos)
      << r.error().where;
  EXPECT_EQ(r.error().where.rfind("bomb.json.zst: byte ", 0), 0u) << r.error().where;
  const std::uint64_t input_at = std::stoull(r.error().where.substr(20));
  EXPECT_LT(input_at, bomb.size());
}

TEST(IoLimits, EndlessRecordLineIsRefusedAtTheRecordLimit) {
  // A golden-trace header, then one record that never ends (a string 512 MiB long).
  const std::string bomb =
      zstd_stream(std::string(kHeader) + "{\"type\":\"run\",\"run\":0,\"cwd\":\"", 'x', k512MiB);
  auto r = parse_trace(bomb, "bomb.json.zst");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "line 2: no complete record in 64 MiB (the limit for one record, "
            "ReadOptions::max_record); corrupt input?");
  const std::uint64_t limit_at = std::string(kHeader).size() + (std::uint64_t{64} << 20);
  EXPECT_NE(r.error().where.find("(decompressed byte " + std::to_string(limit_at) + ")"),
            std::string::npos)
      << r.error().where;
}

TEST(IoLimits, BlankLinesCountTowardsTheNextRecord) {
  // 512 MiB of empty lines after the header: each is nothing, together they are no record.
  const std::string bomb = zstd_stream(kHeader, '\n', k512MiB);
  auto r = parse_trace(bomb, "bomb.json.zst");
  ASSERT_FALSE(r.ok());
  const std::uint64_t header = std::string(kHeader).size();
  const std::uint64_t limit = std::uint64_t{64} << 20;
  // Header line 1, blank line k ends at byte header + k - 2: the first to end past the
  // limit is line limit + 3.
  EXPECT_EQ(r.error().message, "line " + std::to_string(limit + 3) +
                                   ": no complete record in 64 MiB (the limit for one record, "
                                   "ReadOptions::max_record); corrupt input?");
  EXPECT_NE(r.error().where.find("(decompressed byte " + std::to_string(header + limit) + ")"),
            std::string::npos)
      << r.error().where;
  // Blank lines in a real trace are still fine.
  std::string text = format_trace(io_test::sample_trace());
  text.insert(text.find('\n') + 1, "\n\n  \n");
  auto ok = parse_trace(text, "blank.json");
  ASSERT_TRUE(ok.ok()) << ok.error().to_string();
  io_test::expect_same_trace(io_test::sample_trace(), *ok);
}

TEST(IoLimits, SmallerRecordLimitAppliesToEveryLayout) {
  ReadOptions opts;
  opts.max_record = 1000;
  const std::string big_cwd(2000, 'x');
  const std::string record = "{\"type\":\"run\",\"run\":0,\"cwd\":\"" + big_cwd + "\"}";
  // Line layout.
  auto lines = parse_trace(std::string(kHeader) + record + ",\n{\"type\":\"eof\"}]}\n", "l.json", opts);
  ASSERT_FALSE(lines.ok());
  EXPECT_EQ(lines.error().where, "l.json: byte " + std::to_string(std::string(kHeader).size() + 1000));
  // A reformatted document.
  const std::string doc = "{\"format\":\"golden-trace\",\"version\":1,\"records\":[" + record + "]}";
  auto reformatted = parse_trace(doc, "d.json", opts);
  ASSERT_FALSE(reformatted.ok());
  EXPECT_NE(reformatted.error().message.find("no complete JSON value in 1000 bytes"),
            std::string::npos)
      << reformatted.error().to_string();
  // renacer.
  const std::string renacer =
      "{\"format\":\"renacer-json-v1\",\"syscalls\":[{\"name\":\"" + big_cwd + "\"}]}";
  auto imported = parse_trace(renacer, "r.json", opts);
  ASSERT_FALSE(imported.ok());
  EXPECT_NE(imported.error().message.find("no complete JSON value in 1000 bytes"),
            std::string::npos)
      << imported.error().to_string();
  // The header members of a document count as one record together.
  std::string members = "{\"format\":\"golden-trace\"";
  for (int i = 0; i < 100; ++i) members += ",\"k" + std::to_string(i) + "\":\"0123456789\"";
  auto head = parse_trace(members + ",\"records\":[]}", "h.json", opts);
  ASSERT_FALSE(head.ok());
  EXPECT_NE(head.error().message.find("members other than its records are larger than 1000 bytes"),
            std::string::npos)
      << head.error().to_string();
}

TEST(IoLimits, DeepNestingInADocumentIsRefused) {
  // A DOM that deep would be walked recursively by some consumer (nlohmann's dump).
  const std::string deep = "{\"format\":\"renacer-json-v1\",\"syscalls\":[{\"name\":\"x\",\"args\":[" +
                           std::string(100000, '[') + std::string(100000, ']') + "]}]}";
  auto r = parse_trace(deep, "deep.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "JSON nested more than 512 levels deep");
  // 512 levels is far more than any trace has: a record nested 100 deep reads.
  const std::string ok = "{\"format\":\"renacer-json-v1\",\"syscalls\":[{\"name\":\"x\",\"args\":[" +
                         std::string(100, '[') + std::string(100, ']') + "],\"result\":0}]}";
  auto r2 = parse_trace(ok, "ok.json");
  ASSERT_TRUE(r2.ok()) << r2.error().to_string();
  EXPECT_EQ(r2->runs[0].events[0].args.size(), 1u);
}

TEST(IoLimits, DeepNestingInTheHeaderLineIsRefused) {
  // The header line is parsed into a DOM; "unsupported version <dump of it>" printed it
  // recursively: 100000 levels overflowed the stack (a crash before this limit).
  const std::string text = "{\"format\":\"golden-trace\",\"version\":" + std::string(100000, '[') +
                           std::string(100000, ']') + ",\"records\":[\n{\"type\":\"eof\"}]}\n";
  auto r = parse_trace(text, "deep.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().to_string(), "deep.json:1:547: JSON nested more than 512 levels deep");
}

TEST(IoLimits, StreamedBombWithRecordsIsCappedByTheDecodedSize) {
  // Well-formed records (of a type this version does not know: skipped, counted) beyond
  // max_decompressed: refused where the cap is reached, at a compressed offset.
  std::string text = kHeader;
  const std::string pad = "{\"type\":\"pad\"},\n";
  while (text.size() < (20u << 20)) text += pad;
  const std::string z = zstd_stream(text, ' ', text.size());
  ReadOptions opts;
  opts.max_decompressed = 16 << 20;
  auto r = parse_trace(z, "stream.json.zst", opts);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("larger than the limit of 16 MiB"), std::string::npos)
      << r.error().to_string();
  EXPECT_EQ(r.error().where.rfind("stream.json.zst: byte ", 0), 0u) << r.error().where;
}

// ---- the document reader ----------------------------------------------------------------

std::string reformatted(const std::string& line_layout, bool sort_keys_last) {
  // Re-lay a golden-trace file out as one document: records not one per line, and the
  // header's keys after "records" when `sort_keys_last` (as `jq -S` does with "version").
  std::string text = line_layout;
  for (std::size_t at = 0; (at = text.find(",\n", at)) != std::string::npos;) text.replace(at, 2, " ,  ");
  text.replace(text.find("[\n"), 2, "[ ");
  if (sort_keys_last) {
    const std::string version = "\"version\":1,";
    text.erase(text.find(version), version.size());
    text.erase(text.rfind("]}"));
    text += "],\"version\":1}\n";
  }
  return text;
}

TEST(IoLimits, ReformattedDocumentsReadPieceByPiece) {
  const TraceFile sample = io_test::sample_trace();
  const std::string text = format_trace(sample);
  for (bool version_last : {false, true}) {
    SCOPED_TRACE(version_last);
    const std::string doc = reformatted(text, version_last);
    ASSERT_EQ(doc.find('\n'), doc.size() - 1) << doc;
    auto r = parse_trace(doc, "doc.json");
    ASSERT_TRUE(r.ok()) << r.error().to_string() << "\n" << doc;
    io_test::expect_same_trace(sample, *r);
    EXPECT_EQ(r->counters.at("reader.reformatted_document"), 1u);
  }
  // Big enough to cross the reader's 128 KiB chunks many times.
  const TraceFile bulk = io_test::bulk_trace(3000);
  auto big = parse_trace(reformatted(format_trace(bulk), true), "big.json");
  ASSERT_TRUE(big.ok()) << big.error().to_string();
  EXPECT_EQ(format_trace(*big), format_trace(bulk));
}

TEST(IoLimits, HeaderErrorsComeBeforeRecordErrorsWhateverTheKeyOrder) {
  // Version after the records, and a record this version cannot read: the version is
  // what is wrong.
  auto r = parse_trace(
      "{\"format\":\"golden-trace\",\"records\":[{\"type\":\"event\",\"seq\":\"x\"}],\"version\":7}",
      "v.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().to_string(),
            "v.json: unsupported golden-trace version 7 (this golden reads version 1)");
  // Format last: still the format's error.
  auto f = parse_trace("{\"records\":[{\"type\":\"event\"}],\"format\":\"perfetto\"}", "f.json");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().to_string(),
            "f.json: unknown trace format 'perfetto' (golden reads golden-trace and renacer-json-v1)");
  // A record error in a good document is located by its index.
  auto e = parse_trace(
      "{\"records\":[{\"type\":\"run\",\"run\":0},{\"type\":\"event\",\"seq\":\"x\"}],"
      "\"format\":\"golden-trace\",\"version\":1}",
      "e.json");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().to_string(),
            "e.json: records[1]: field 'seq': expected an unsigned integer, got string");
  // A syntax error inside a record: its byte.
  auto s = parse_trace("{\"format\":\"golden-trace\",\"version\":1,\"records\":[{\"type\":#}]}", "s.json");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().to_string(),
            "s.json: byte 56: not a JSON trace file: syntax error while parsing value - invalid "
            "literal; last read: '\"type\":#'");
}

TEST(IoLimits, RenacerSyscallsBeforeTheFormatAreImported) {
  auto r = parse_trace(
      R"({"syscalls":[{"name":"openat","args":["AT_FDCWD","\"/etc/hosts\"","0"],"result":3}],)"
      R"("version":"0.6.2","format":"renacer-json-v1","records":[1,2]})",
      "r.json");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_EQ(r->header.tool, "renacer 0.6.2");
  ASSERT_EQ(r->runs[0].events.size(), 1u);
  EXPECT_EQ(r->runs[0].events[0].args[1].str, "/etc/hosts");
  EXPECT_EQ(r->counters.at("reader.unknown_field"), 1u) << "the records array is not renacer's";
}

TEST(IoLimits, DocumentStructureErrorsAreLocated) {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"{\"format\":\"golden-trace\",\"version\":1,\"records\":[]} x",
       "d.json: byte 51: text after the end of the trace document"},
      {"{\"format\":\"golden-trace\",\"version\":1,\"records\":[{\"type\":\"eof\"},]}",
       "d.json: byte 63: not a JSON trace file: ']' where a record after ',' was expected"},
      {"{\"format\":\"golden-trace\" \"version\":1}",
       "d.json: byte 33: not a JSON trace file: syntax error while parsing value - unexpected "
       "string literal; expected end of input"},
      {"{\"format\":\"golden-trace\",\"records\":[{\"type\":\"run\",\"run\":0}",
       "d.json: byte 58: file ends inside the JSON document (truncated?)"},
      {"{\"format\":\"golden-trace\",\"version\":1:2}",
       "d.json: byte 36: not a JSON trace file: syntax error while parsing value - unexpected ':'; "
       "expected end of input"},
      {"{\"format\":\"golden-trace\",}",
       "d.json: byte 25: not a JSON trace file: '}' where a key after ',' was expected"},
      {"{}", "d.json: not a trace file: no \"format\" field"},
  };
  for (const Case& c : cases) {
    auto r = parse_trace(c.text, "d.json");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().to_string(), c.error) << c.text;
  }
}

}  // namespace
}  // namespace golden
