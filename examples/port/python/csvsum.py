#!/usr/bin/env python3
"""csvsum: summarize a CSV file.

    csvsum [--out DIR] [--] FILE|-

Reads FILE (or stdin for '-'), a CSV file whose first row is the header, and prints a
summary on stdout: the number of data rows and, per column, its type and statistics.
A column whose non-empty cells are all integers is "integer", all decimal numbers
("-12", "3.50") is "decimal", otherwise "text"; numeric columns get count, sum, min, max
and mean (computed exactly: decimals as scaled integers), text columns the number of
distinct values. With --out DIR it also writes DIR/<name>.summary.json (DIR is created
if missing; the report is written to a temporary file in DIR and renamed onto its name,
so a reader never sees half a report).

Exit status: 0 done, 1 the input is not a well-formed CSV file (or the report cannot be
written), 2 usage error or unreadable input.

This is the original of examples/port/cpp/csvsum.cpp; the two must behave the same at
the syscall level (same output bytes, same files, same exit statuses), which golden
checks (examples/port/README in examples/README.md).
"""

import csv
import io
import json
import os
import re
import sys
import tempfile

PROG = "csvsum"
USAGE = "usage: csvsum [--out DIR] [--] FILE|-\n"
INT64_MAX = 2**63 - 1
FIELD_LIMIT = 131072  # the csv module's default field_size_limit, in characters
NUMBER = re.compile(r"([+-]?)([0-9]+)(?:\.([0-9]+))?")


class Failure(Exception):
    """A user-facing error: its message and the exit status it calls for."""

    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


def emit(stream, text):
    # Paths from argv may hold bytes that are not UTF-8: write them back unchanged.
    stream.buffer.write(text.encode("utf-8", "surrogateescape"))


def parse_args(argv):
    out_dir = None
    files = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            files.extend(argv[i + 1:])
            break
        if arg in ("-h", "--help"):
            emit(sys.stdout, USAGE)
            sys.exit(0)
        if arg == "--out":
            if i + 1 == len(argv):
                raise Failure("option '--out' needs a directory", 2)
            out_dir = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--out="):
            out_dir = arg[len("--out="):]
        elif arg.startswith("-") and arg != "-":
            raise Failure(f"unknown option '{arg}'", 2)
        else:
            files.append(arg)
        i += 1
    if len(files) != 1:
        raise Failure("expected one input file (or '-' for stdin)", 2)
    if out_dir == "":
        raise Failure("option '--out' needs a directory", 2)
    return files[0], out_dir


def read_input(path):
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise Failure(f"cannot read '{path}': {e.strerror}", 2)


def read_rows(label, data):
    """The records of the file, blank lines skipped; each with its line number."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Failure(f"{label}: not UTF-8 text (byte {e.start})", 1)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = []
    try:
        for row in reader:
            if row:
                rows.append((reader.line_num, row))
    except csv.Error:
        raise Failure(f"{label}:{reader.line_num}: malformed CSV (quoting or field size)", 1)
    return rows


def scaled(text, scale):
    """A number's text as an integer count of 10**-scale units."""
    sign, whole, frac = NUMBER.fullmatch(text).groups()
    frac = frac or ""
    value = int(whole + frac + "0" * (scale - len(frac)))
    return -value if sign == "-" else value


def decimal_text(value, scale):
    sign = "-" if value < 0 else ""
    digits = str(abs(value)).rjust(scale + 1, "0")
    if scale == 0:
        return sign + digits
    return f"{sign}{digits[:-scale]}.{digits[-scale:]}"


def summarize_column(label, name, cells):
    values = [c for c in cells if c != ""]
    if not values:
        return {"name": name, "type": "empty", "count": 0}
    matches = [NUMBER.fullmatch(v) for v in values]
    if not all(matches):
        return {"name": name, "type": "text", "count": len(values),
                "distinct": len(set(values))}
    scale = max(len(m.group(3) or "") for m in matches)
    total = 0
    low = high = None
    for v in values:
        x = scaled(v, scale)
        total += x
        if abs(x) > INT64_MAX or abs(total) > INT64_MAX:
            raise Failure(f"{label}: column '{name}': number out of range", 1)
        low = x if low is None else min(low, x)
        high = x if high is None else max(high, x)
    # The mean with two more decimals than the column, rounded half away from zero.
    quotient, remainder = divmod(abs(total) * 100, len(values))
    if 2 * remainder >= len(values):
        quotient += 1
    mean = -quotient if total < 0 else quotient
    return {
        "name": name,
        "type": "decimal" if scale else "integer",
        "count": len(values),
        "sum": decimal_text(total, scale),
        "min": decimal_text(low, scale),
        "max": decimal_text(high, scale),
        "mean": decimal_text(mean, scale + 2),
    }


def summarize(label, rows):
    if not rows:
        raise Failure(f"{label}: no header row", 1)
    _, header = rows[0]
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise Failure(f"{label}:{line}: expected {len(header)} fields, got {len(row)}", 1)
    columns = [
        summarize_column(label, name, [row[i] for _, row in rows[1:]])
        for i, name in enumerate(header)
    ]
    return {"input": label, "rows": len(rows) - 1, "columns": columns}


def summary_text(report):
    lines = [f"{report['input']}: {report['rows']} rows, {len(report['columns'])} columns"]
    width = max(len(c["name"]) for c in report["columns"])
    for c in report["columns"]:
        head = f"  {c['name']:<{width}}  {c['type']:<7}"
        if c["type"] == "empty":
            lines.append(f"{head}  no values")
        elif c["type"] == "text":
            lines.append(f"{head}  n={c['count']} distinct={c['distinct']}")
        else:
            lines.append(f"{head}  n={c['count']} sum={c['sum']} min={c['min']} "
                         f"max={c['max']} mean={c['mean']}")
    return "".join(line + "\n" for line in lines)


def makedirs(path):
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise Failure(f"cannot create directory '{path}': {e.strerror}", 1)


def write_report(out_dir, input_path, report):
    stem = "stdin" if input_path == "-" else os.path.splitext(os.path.basename(input_path))[0]
    target = os.path.join(out_dir, stem + ".summary.json")
    makedirs(out_dir)
    body = (json.dumps(report, indent=2, ensure_ascii=False) + "\n").encode(
        "utf-8", "surrogateescape")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=out_dir)
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), 0o644)
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise Failure(f"cannot write report '{target}': {e.strerror}", 1)
    return target


def main(argv):
    try:
        input_path, out_dir = parse_args(argv)
        label = "<stdin>" if input_path == "-" else input_path
        report = summarize(label, read_rows(label, read_input(input_path)))
        text = summary_text(report)
        if out_dir is not None:
            text += f"report: {write_report(out_dir, input_path, report)}\n"
        emit(sys.stdout, text)
        return 0
    except Failure as f:
        message = f"{PROG}: {f}\n"
        if f.status == 2 and not str(f).startswith("cannot read"):
            message += USAGE
        emit(sys.stderr, message)
        return f.status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
