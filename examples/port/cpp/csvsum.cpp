// csvsum: the C++20 port of examples/port/python/csvsum.py (read its docstring for what
// the tool does). The port must behave like the original at the syscall level — the
// same bytes on stdout and stderr, the same report file, the same exit statuses — which
// golden checks (examples/port/port_test.cpp, examples/port/CMakeLists.txt).
//
// Where Python's behaviour comes from its library, the port reproduces it explicitly:
// the csv module's strict parser (line_num, field size limit), the UTF-8 decoder's error
// offset, os.makedirs, os.path.splitext/join, and json.dumps(indent=2, ensure_ascii=False).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace {

constexpr std::string_view kUsage = "usage: csvsum [--out DIR] [--] FILE|-\n";
// Python's csv.field_size_limit() default, in characters.
constexpr std::size_t kFieldLimit = 131072;
// Sums are exact integers; Python's ints are unbounded, so both sides stop at int64
// (checked after each step in a 128-bit integer, as Python checks its int).
__extension__ using Wide = __int128;
__extension__ using WideUnsigned = unsigned __int128;
constexpr Wide kInt64Max = INT64_MAX;

struct Failure {
  std::string message;
  int status;
};

[[noreturn]] void fail(std::string message, int status) { throw Failure{std::move(message), status}; }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // as Python at exit: nothing left to tell the user with
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

// ---- arguments ---------------------------------------------------------------------

struct Args {
  std::string input;
  std::optional<std::string> out_dir;
};

Args parse_args(const std::vector<std::string>& argv) {
  Args args;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--") {
      files.insert(files.end(), argv.begin() + static_cast<std::ptrdiff_t>(i) + 1, argv.end());
      break;
    }
    if (arg == "-h" || arg == "--help") {
      write_all(1, kUsage);
      std::exit(0);
    }
    if (arg == "--out") {
      if (i + 1 == argv.size()) fail("option '--out' needs a directory", 2);
      args.out_dir = argv[++i];
    } else if (arg.starts_with("--out=")) {
      args.out_dir = arg.substr(6);
    } else if (arg.starts_with("-") && arg != "-") {
      fail("unknown option " + quoted(arg), 2);
    } else {
      files.push_back(arg);
    }
  }
  if (files.size() != 1) fail("expected one input file (or '-' for stdin)", 2);
  if (args.out_dir && args.out_dir->empty()) fail("option '--out' needs a directory", 2);
  args.input = files[0];
  return args;
}

// ---- input -------------------------------------------------------------------------

std::string read_fd(int fd, const std::string& path) {
  std::string data;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) return data;
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot read " + quoted(path) + ": " + std::strerror(errno), 2);
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
}

std::string read_input(const std::string& path) {
  if (path == "-") return read_fd(0, path);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail("cannot read " + quoted(path) + ": " + std::strerror(errno), 2);
  struct stat st {};
  // Python's open() refuses a directory after opening it.
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    fail("cannot read " + quoted(path) + ": " + std::strerror(EISDIR), 2);
  }
  try {
    std::string data = read_fd(fd, path);
    ::close(fd);
    return data;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

// The offset of the first byte that is not part of a valid UTF-8 sequence (what
// Python's strict decoder reports as UnicodeDecodeError.start), or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned c = byte(i);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= s.size()) return i;
      unsigned b = byte(i + k);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Characters (code points) in valid UTF-8 text, as Python's len().
std::size_t char_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

// ---- CSV: Python's csv.reader(io.StringIO(text, newline=""), strict=True) -----------

struct Row {
  long line;  // reader.line_num after the row: the line its last character is on
  std::vector<std::string> fields;
};

// The state machine of CPython's Modules/_csv.c for the default dialect (delimiter ',',
// quotechar '"', doublequote, strict), fed line by line as StringIO(newline="") splits
// them (after "\n", "\r" or "\r\n"), each line followed by an end-of-line mark.
class CsvReader {
 public:
  explicit CsvReader(std::string label) : label_(std::move(label)) {}

  std::vector<Row> read(std::string_view text) {
    std::vector<Row> rows;
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = text.find_first_of("\r\n", pos);
      end = end == std::string_view::npos ? text.size() : end + 1;
      if (end < text.size() && text[end - 1] == '\r' && text[end] == '\n') ++end;
      ++line_num_;
      for (char c : text.substr(pos, end - pos)) process(c);
      end_of_line();
      pos = end;
      if (state_ == State::StartRecord) {
        // A record is complete; an empty line gives an empty record, skipped.
        if (!fields_.empty()) rows.push_back({line_num_, std::move(fields_)});
        fields_.clear();
      }
    }
    if (state_ == State::InQuotedField || !field_.empty()) error();  // "unexpected end of data"
    return rows;
  }

 private:
  enum class State { StartRecord, StartField, InField, InQuotedField, QuoteInQuotedField, EatCrnl };

  static bool newline(char c) { return c == '\n' || c == '\r'; }

  [[noreturn]] void error() const {
    fail(label_ + ":" + std::to_string(line_num_) + ": malformed CSV (quoting or field size)", 1);
  }

  void add(char c) {
    if (!is_continuation(c) && field_chars_++ >= kFieldLimit) error();
    field_ += c;
  }

  void save() {
    fields_.push_back(std::move(field_));
    field_.clear();
    field_chars_ = 0;
  }

  void process(char c) {
    switch (state_) {
      case State::StartRecord:
        if (newline(c)) {
          state_ = State::EatCrnl;
          return;
        }
        state_ = State::StartField;
        [[fallthrough]];
      case State::StartField:
        if (newline(c)) {
          save();
          state_ = State::EatCrnl;
        } else if (c == '"') {
          state_ = State::InQuotedField;
        } else if (c == ',') {
          save();
        } else {
          add(c);
          state_ = State::InField;
        }
        return;
      case State::InField:
        if (newline(c)) {
          save();
          state_ = State::EatCrnl;
        } else if (c == ',') {
          save();
          state_ = State::StartField;
        } else {
          add(c);
        }
        return;
      case State::InQuotedField:
        if (c == '"') {
          state_ = State::QuoteInQuotedField;
        } else {
          add(c);
        }
        return;
      case State::QuoteInQuotedField:
        if (c == '"') {
          add(c);
          state_ = State::InQuotedField;
        } else if (c == ',') {
          save();
          state_ = State::StartField;
        } else if (newline(c)) {
          save();
          state_ = State::EatCrnl;
        } else {
          error();  // strict: "',' expected after '\"'"
        }
        return;
      case State::EatCrnl:
        if (!newline(c)) error();  // cannot happen: lines end at their newline
        return;
    }
  }

  void end_of_line() {
    switch (state_) {
      case State::StartRecord:
      case State::EatCrnl:
        state_ = State::StartRecord;
        return;
      case State::StartField:
      case State::InField:
      case State::QuoteInQuotedField:
        save();
        state_ = State::StartRecord;
        return;
      case State::InQuotedField:
        return;  // the field goes on on the next line
    }
  }

  std::string label_;
  State state_ = State::StartRecord;
  long line_num_ = 0;
  std::vector<std::string> fields_;
  std::string field_;
  std::size_t field_chars_ = 0;
};

std::vector<Row> read_rows(const std::string& label, const std::string& data) {
  if (std::size_t bad = invalid_utf8_at(data); bad != std::string_view::npos) {
    fail(label + ": not UTF-8 text (byte " + std::to_string(bad) + ")", 1);
  }
  return CsvReader(label).read(data);
}

// ---- statistics --------------------------------------------------------------------

struct Number {
  bool negative;
  std::string_view whole, frac;
};

// [+-]?[0-9]+(\.[0-9]+)?, the whole cell.
std::optional<Number> parse_number(std::string_view s) {
  Number n{false, {}, {}};
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    n.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  auto digits = [](std::string_view d) {
    return !d.empty() && std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::size_t dot = s.find('.');
  n.whole = s.substr(0, dot);
  if (dot != std::string_view::npos) n.frac = s.substr(dot + 1);
  if (!digits(n.whole) || (dot != std::string_view::npos && !digits(n.frac))) return std::nullopt;
  return n;
}

// The number as a count of 10^-scale units, or none past int64.
std::optional<Wide> scaled(const Number& n, std::size_t scale) {
  Wide value = 0;
  auto push = [&](char digit) {
    value = value * 10 + (digit - '0');
    return value <= kInt64Max;  // only grows once non-zero: past the limit is final
  };
  for (char c : n.whole) {
    if (!push(c)) return std::nullopt;
  }
  for (char c : n.frac) {
    if (!push(c)) return std::nullopt;
  }
  for (std::size_t k = n.frac.size(); k < scale; ++k) {
    if (!push('0')) return std::nullopt;
  }
  return n.negative ? -value : value;
}

std::string decimal_text(Wide value, std::size_t scale) {
  std::string digits;
  for (WideUnsigned v = value < 0 ? -static_cast<WideUnsigned>(value) : value; v != 0; v /= 10) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
  }
  if (digits.size() < scale + 1) digits.insert(0, scale + 1 - digits.size(), '0');
  std::string sign = value < 0 ? "-" : "";
  if (scale == 0) return sign + digits;
  return sign + digits.substr(0, digits.size() - scale) + "." + digits.substr(digits.size() - scale);
}

struct Column {
  std::string name, type;
  std::size_t count = 0, distinct = 0;
  std::string sum, min, max, mean;
};

Column summarize_column(const std::string& label, const std::string& name,
                        const std::vector<const std::string*>& cells) {
  Column column;
  column.name = name;
  std::vector<const std::string*> values;
  for (const std::string* cell : cells) {
    if (!cell->empty()) values.push_back(cell);
  }
  column.count = values.size();
  if (values.empty()) {
    column.type = "empty";
    return column;
  }
  std::vector<Number> numbers;
  for (const std::string* v : values) {
    std::optional<Number> n = parse_number(*v);
    if (!n) {
      column.type = "text";
      std::set<std::string_view> distinct;
      for (const std::string* w : values) distinct.insert(*w);
      column.distinct = distinct.size();
      return column;
    }
    numbers.push_back(*n);
  }
  std::size_t scale = 0;
  for (const Number& n : numbers) scale = std::max(scale, n.frac.size());
  Wide total = 0, low = 0, high = 0;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    std::optional<Wide> x = scaled(numbers[i], scale);
    if (x) total += *x;
    if (!x || total > kInt64Max || total < -kInt64Max) {
      fail(label + ": column " + quoted(name) + ": number out of range", 1);
    }
    low = i == 0 ? *x : std::min(low, *x);
    high = i == 0 ? *x : std::max(high, *x);
  }
  // The mean with two more decimals than the column, rounded half away from zero.
  auto n = static_cast<Wide>(numbers.size());
  Wide magnitude = (total < 0 ? -total : total) * 100;
  Wide quotient = magnitude / n, remainder = magnitude % n;
  if (2 * remainder >= n) ++quotient;
  column.type = scale != 0 ? "decimal" : "integer";
  column.sum = decimal_text(total, scale);
  column.min = decimal_text(low, scale);
  column.max = decimal_text(high, scale);
  column.mean = decimal_text(total < 0 ? -quotient : quotient, scale + 2);
  return column;
}

struct Report {
  std::string input;
  std::size_t rows = 0;
  std::vector<Column> columns;
};

Report summarize(const std::string& label, const std::vector<Row>& rows) {
  if (rows.empty()) fail(label + ": no header row", 1);
  const std::vector<std::string>& header = rows[0].fields;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].fields.size() != header.size()) {
      fail(label + ":" + std::to_string(rows[r].line) + ": expected " + std::to_string(header.size()) +
               " fields, got " + std::to_string(rows[r].fields.size()),
           1);
    }
  }
  Report report;
  report.input = label;
  report.rows = rows.size() - 1;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::vector<const std::string*> cells;
    for (std::size_t r = 1; r < rows.size(); ++r) cells.push_back(&rows[r].fields[i]);
    report.columns.push_back(summarize_column(label, header[i], cells));
  }
  return report;
}

// ---- output ------------------------------------------------------------------------

// Left-aligned in `width` characters, as Python's f"{s:<{width}}".
std::string pad(const std::string& s, std::size_t width) {
  std::size_t n = char_count(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

std::string summary_text(const Report& report) {
  std::string text = report.input + ": " + std::to_string(report.rows) + " rows, " +
                     std::to_string(report.columns.size()) + " columns\n";
  std::size_t width = 0;
  for (const Column& c : report.columns) width = std::max(width, char_count(c.name));
  for (const Column& c : report.columns) {
    text += "  " + pad(c.name, width) + "  " + pad(c.type, 7);
    if (c.type == "empty") {
      text += "  no values\n";
    } else if (c.type == "text") {
      text += "  n=" + std::to_string(c.count) + " distinct=" + std::to_string(c.distinct) + "\n";
    } else {
      text += "  n=" + std::to_string(c.count) + " sum=" + c.sum + " min=" + c.min + " max=" + c.max +
              " mean=" + c.mean + "\n";
    }
  }
  return text;
}

// A JSON string as Python's json.dumps(ensure_ascii=False) writes it.
std::string json_string(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// json.dumps(report, indent=2, ensure_ascii=False) + "\n".
std::string report_json(const Report& report) {
  std::string out = "{\n  \"input\": " + json_string(report.input) + ",\n  \"rows\": " +
                    std::to_string(report.rows) + ",\n  \"columns\": [";
  for (std::size_t i = 0; i < report.columns.size(); ++i) {
    const Column& c = report.columns[i];
    std::vector<std::pair<std::string, std::string>> members{
        {"name", json_string(c.name)}, {"type", json_string(c.type)}, {"count", std::to_string(c.count)}};
    if (c.type == "text") {
      members.emplace_back("distinct", std::to_string(c.distinct));
    } else if (c.type != "empty") {
      for (auto [key, value] : {std::pair{"sum", &c.sum}, {"min", &c.min}, {"max", &c.max}, {"mean", &c.mean}}) {
        members.emplace_back(key, json_string(*value));
      }
    }
    out += i == 0 ? "\n    {" : ",\n    {";
    for (std::size_t m = 0; m < members.size(); ++m) {
      out += (m == 0 ? "\n      " : ",\n      ") + json_string(members[m].first) + ": " + members[m].second;
    }
    out += "\n    }";
  }
  out += report.columns.empty() ? "]" : "\n  ]";
  return out + "\n}\n";
}

// ---- the report file ---------------------------------------------------------------

// os.path.split
std::pair<std::string, std::string> split_path(const std::string& p) {
  std::size_t i = p.rfind('/');
  i = i == std::string::npos ? 0 : i + 1;
  std::string head = p.substr(0, i), tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    head.erase(head.find_last_not_of('/') + 1);
  }
  return {head, tail};
}

// os.path.splitext(os.path.basename(p))[0]
std::string stem_of(const std::string& p) {
  std::string base = p.substr(p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1);
  std::size_t dot = base.rfind('.');
  if (dot == std::string::npos) return base;
  // Leading dots belong to the name (".profile" has no extension).
  if (base.find_first_not_of('.') < dot) return base.substr(0, dot);
  return base;
}

// os.path.join(dir, name) for a relative name
std::string join_path(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

bool stat_is(const std::string& p, bool want_dir) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && (!want_dir || S_ISDIR(st.st_mode));
}

// os.makedirs(name, exist_ok=True): 0 or the errno it raises.
int makedirs(const std::string& name) {
  auto [head, tail] = split_path(name);
  if (tail.empty()) std::tie(head, tail) = split_path(head);
  if (!head.empty() && !tail.empty() && !stat_is(head, false)) {
    int err = makedirs(head);
    if (err != 0 && err != EEXIST) return err;
    if (tail == ".") return 0;
  }
  if (::mkdir(name.c_str(), 0777) != 0) {
    int err = errno;
    if (!stat_is(name, true)) return err;
  }
  return 0;
}

std::string write_report(const std::string& out_dir, const std::string& input, const Report& report) {
  std::string stem = input == "-" ? "stdin" : stem_of(input);
  std::string target = join_path(out_dir, stem + ".summary.json");
  if (int err = makedirs(out_dir); err != 0) {
    fail("cannot create directory " + quoted(out_dir) + ": " + std::strerror(err), 1);
  }
  std::string body = report_json(report);
  // A temporary name in the same directory, renamed onto the target when complete.
  std::string tmp = join_path(out_dir, "." + stem + ".XXXXXX.tmp");
  int fd = ::mkostemps(tmp.data(), 4, O_CLOEXEC);
  if (fd < 0) fail("cannot write report " + quoted(target) + ": " + std::strerror(errno), 1);
  int err = 0;
  if (::fchmod(fd, 0644) != 0) err = errno;
  for (std::string_view rest = body; err == 0 && !rest.empty();) {
    ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno != EINTR) err = errno;
    if (n > 0) rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    fail("cannot write report " + quoted(target) + ": " + std::strerror(err), 1);
  }
  return target;
}

int run(const std::vector<std::string>& argv) {
  try {
    Args args = parse_args(argv);
    std::string label = args.input == "-" ? "<stdin>" : args.input;
    Report report = summarize(label, read_rows(label, read_input(args.input)));
    std::string text = summary_text(report);
    if (args.out_dir) text += "report: " + write_report(*args.out_dir, args.input, report) + "\n";
    write_all(1, text);
    return 0;
  } catch (const Failure& f) {
    std::string message = "csvsum: " + f.message + "\n";
    if (f.status == 2 && !f.message.starts_with("cannot read")) message += kUsage;
    write_all(2, message);
    return f.status;
  }
}

}  // namespace

int main(int argc, char** argv) { return run(std::vector<std::string>(argv + 1, argv + argc)); }
