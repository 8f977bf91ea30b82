#!/usr/bin/env bash
# End-to-end tests of the myelex binary (contract.md section 1).
#
# usage: bash tests/cli/cli_test.sh MYELEX_BINARY SOURCE_DIR
#
# Uses the tiny lexicon in tests/cli/data/lexicons, so the results do not
# depend on the shipped lexicons; where findings are still empty (layers in
# progress) the tests assert structure, counts, ids, order, error records,
# exit codes and determinism. The shared contract checker
# (${MYELEX_SHARED:-SOURCE_DIR/../shared}/tools/check-output) validates the
# JSONL output; without it every other check still runs, and a run with no
# failure then exits 77 (CTest: skipped) so the missing checker is visible.
set -u -o pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 MYELEX_BINARY SOURCE_DIR" >&2
  exit 2
fi
MYELEX=$1
SRC=$2
CHECK="${MYELEX_SHARED:-$SRC/../shared}/tools/check-output"
HAVE_CHECK=1
if [[ ! -f $CHECK ]]; then
  echo "cli_test: the contract checker is not at $CHECK;" \
    "set MYELEX_SHARED to the shared/ directory. Its checks are skipped." >&2
  HAVE_CHECK=0
fi
LEX=$SRC/tests/cli/data/lexicons
T=$(mktemp -d "${TMPDIR:-/tmp}/myelex_cli_test.XXXXXX")
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT

TIMEOUT=()
if command -v timeout >/dev/null; then TIMEOUT=(timeout 600); fi
FAILURES=0
CHECKS=0
fail() {
  echo "FAIL: $*" >&2
  FAILURES=$((FAILURES + 1))
}
ok() { CHECKS=$((CHECKS + 1)); }

# run WANT_RC CMD... : runs CMD with stdout in $T/out and stderr in
# $T/err; fails unless the exit code is WANT_RC.
# `run N scan ARGS` is short for the scan of the test lexicon without
# summary. Every command gets a time limit so that a hang fails loudly.
run() {
  local want=$1
  shift
  local cmd=("$@")
  if [[ $1 == scan ]]; then
    cmd=("$MYELEX" scan --lexicons "$LEX" --no-summary "${@:2}")
  fi
  "${TIMEOUT[@]}" "${cmd[@]}" >"$T/out" 2>"$T/err"
  local rc=$?
  if [[ $rc -ne $want ]]; then
    fail "exit code $rc, want $want: $*"
    sed 's/^/  stderr: /' "$T/err" | head -20 >&2
  else
    ok
  fi
  return 0
}

# expect_contains FILE TEXT DESCRIPTION
expect_contains() {
  if grep -qF -- "$2" "$1"; then ok; else
    fail "$3: '$2' not in $(basename "$1")"
    head -c 2000 "$1" | sed 's/^/  | /' >&2
  fi
}
expect_not_contains() {
  if grep -qF -- "$2" "$1"; then
    fail "$3: '$2' found in $(basename "$1")"
  else ok; fi
}
expect_empty() {
  if [[ -s $1 ]]; then
    fail "$2: $(basename "$1") is not empty"
    head -c 1000 "$1" | sed 's/^/  | /' >&2
  else ok; fi
}
expect_same() {
  if cmp -s "$1" "$2"; then ok; else fail "$3: $1 and $2 differ"; fi
}

# records FILE: one line per output record, "id<TAB>error code or -".
records() {
  python3 - "$1" <<'EOF'
import json, sys
for n, line in enumerate(open(sys.argv[1], "rb"), 1):
    try:
        r = json.loads(line)
    except Exception as e:
        print(f"<line {n} is not JSON: {e}>")
        continue
    err = r.get("error")
    print(f"{r.get('id')}\t{err['code'] if err else '-'}")
EOF
}

# expect_records OUTPUT EXPECTED_TEXT DESCRIPTION
expect_records() {
  local got
  got=$(records "$1")
  if [[ $got == "$2" ]]; then ok; else
    fail "$3: records differ"
    diff <(echo "$2") <(echo "$got") | sed 's/^/  /' >&2
  fi
}

# error_messages FILE: every error message in the output, one per line.
error_messages() {
  python3 -c '
import json, sys
for line in open(sys.argv[1], "rb"):
    e = json.loads(line).get("error")
    if e: print(e["message"])' "$1"
}

contract_check() {  # INPUT.jsonl OUTPUT.jsonl DESCRIPTION [checker flags]
  local in=$1 out=$2 what=$3
  shift 3
  [[ $HAVE_CHECK -eq 1 ]] || return 0
  if python3 "$CHECK" "$in" "$out" "$@" >"$T/check" 2>&1; then ok; else
    fail "$what: contract checker"
    head -20 "$T/check" | sed 's/^/  /' >&2
  fi
}

# The marker appears in every report text; it must never reach an error
# message or standard error.
SECRET=ZEBRAQUARTZ

########################################################################
# Usage and exit codes

run 2 "$MYELEX"
run 2 "$MYELEX" frobnicate
expect_contains "$T/err" "unknown command" "unknown subcommand"
expect_contains "$T/err" "usage: myelex" "unknown subcommand prints usage"
run 0 "$MYELEX" --help
expect_contains "$T/out" "lexicon check" "--help lists the commands"
run 0 "$MYELEX" --version
expect_contains "$T/out" "myelex " "--version"
run 0 "$MYELEX" scan --help
expect_contains "$T/out" "expected.json" "scan --help documents skipped files"
expect_contains "$T/out" "--max-report-bytes" "scan --help lists options"
run 0 "$MYELEX" explain --help
run 0 "$MYELEX" lexicon check --help
run 2 "$MYELEX" scan --no-such-flag
expect_contains "$T/err" "no-such-flag" "unknown flag is named"
run 2 "$MYELEX" scan --threads
run 2 "$MYELEX" scan --threads abc
run 2 "$MYELEX" scan --threads -2
run 2 "$MYELEX" scan --output-format xml
run 2 "$MYELEX" scan --format yaml
run 2 "$MYELEX" scan --max-report-bytes 0
run 2 "$MYELEX" scan --probable-as maybe
run 2 "$MYELEX" scan --output-format sqlite
run 2 "$MYELEX" explain
run 2 "$MYELEX" explain a.txt b.txt
run 2 "$MYELEX" explain --color sometimes a.txt
run 2 "$MYELEX" lexicon
run 2 "$MYELEX" lexicon check a b

# A missing lexicon directory is a runtime error: exit 1, no records.
echo "MRI cervical spine $SECRET." >"$T/one.txt"
run 1 "$MYELEX" scan --lexicons "$T/no_such_dir" "$T/one.txt"
expect_contains "$T/err" "no_such_dir" "missing lexicon dir is named"
expect_empty "$T/out" "no output without lexicons"
MYELEX_LEXICONS="$T/no_such_dir" run 1 "$MYELEX" scan "$T/one.txt"

########################################################################
# lexicon check

run 0 "$MYELEX" lexicon check "$LEX"
expect_contains "$T/out" "OK: " "lexicon check OK summary"
expect_contains "$T/out" " rules in 4 files" "lexicon check counts files"
mkdir -p "$T/badlex"
cp "$LEX"/*.tsv "$T/badlex/"
printf '@format\t1\nid\tcategory\tdirection\tcertainty\tscope\tliteral\tpattern\nbad.one\tnegashun\tforward\tnegated\t6\tnope\t-\nbad.two\thedge\tforward\t-\t6\tmaybe\t-\n' \
  >"$T/badlex/modifiers_bad.tsv"
run 1 "$MYELEX" lexicon check "$T/badlex"
cat "$T/out" "$T/err" >"$T/both"
expect_contains "$T/both" "modifiers_bad.tsv:3:" "broken lexicon: file:line"
expect_contains "$T/both" "modifiers_bad.tsv:4:" "every problem is listed"
run 1 "$MYELEX" lexicon check "$T/no_such_dir"
# A broken lexicon stops scan with exit 1 and lists the problems.
run 1 "$MYELEX" scan --lexicons "$T/badlex" "$T/one.txt"
expect_contains "$T/err" "modifiers_bad.tsv:3:" "scan lists lexicon problems"
expect_empty "$T/out" "no output with a broken lexicon"

########################################################################
# JSONL with bad records: one output record per input record, in order.

python3 - "$T/bad.jsonl" "$SECRET" <<'EOF'
import json, sys
path, secret = sys.argv[1], sys.argv[2]
lines = [
    json.dumps({"id": "good1", "text": f"MRI cervical spine. Possible cord compression at C5-6. {secret}"}).encode(),
    f'{{"id": "broken", "text": "{secret} unterminated'.encode(),
    json.dumps({"id": "notext", "body": secret}).encode(),
    json.dumps({"id": "numtext", "text": 42}).encode(),
    json.dumps({"id": "nulltext", "text": None}).encode(),
    b'{"id": "badutf8", "text": "' + secret.encode() + b' \xff\xfe bytes"}',
    json.dumps({"id": "empty", "text": ""}).encode(),
    json.dumps({"id": "blank", "text": " \n\t "}).encode(),
    json.dumps({"text": f"No id at all. {secret}"}).encode(),
    json.dumps({"id": 17, "text": f"Numeric id. {secret}"}).encode(),
    b"[1, 2, 3]",
    json.dumps({"id": "good2", "text": f"No canal stenosis. {secret}"}).encode(),
]
open(path, "wb").write(b"\n".join(lines) + b"\n")
EOF
run 0 scan "$T/bad.jsonl"
cp "$T/out" "$T/bad.out"
expect_records "$T/bad.out" "good1	-
$T/bad.jsonl:2	invalid_json
notext	missing_text_field
numtext	text_not_string
nulltext	text_not_string
$T/bad.jsonl:6	invalid_utf8
empty	empty_report
blank	empty_report
$T/bad.jsonl:9	-
17	-
$T/bad.jsonl:11	invalid_json
good2	-" "bad JSONL"
error_messages "$T/bad.out" >"$T/msgs"
expect_not_contains "$T/msgs" "$SECRET" "error messages quote no report text"
expect_not_contains "$T/err" "$SECRET" "stderr quotes no report text"
expect_contains "$T/msgs" "line 2, byte offset " "invalid_json names line and offset"
# Line 6 starts at byte offset of lines 1-5; the bad byte follows the marker.
off=$(python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
print(data.index(b"\xff"))' "$T/bad.jsonl")
expect_contains "$T/msgs" "line 6, byte offset $off" "invalid_utf8 names the byte offset"
contract_check "$T/bad.jsonl" "$T/bad.out" "bad JSONL"

# Blank lines, CRLF line ends and a byte-order mark are not records.
printf '\xef\xbb\xbf{"id":"a","text":"MRI %s"}\r\n\r\n   \n{"id":"b","text":"MRI %s"}' \
  "$SECRET" "$SECRET" >"$T/crlf.jsonl"
run 0 scan "$T/crlf.jsonl"
expect_records "$T/out" "a	-
b	-" "CRLF/BOM/blank-line JSONL"

# Custom field names, for JSONL and CSV.
printf '{"rid":"x1","body":"MRI %s"}\n{"id":"zz","text":"MRI"}\n' "$SECRET" \
  >"$T/fields.jsonl"
run 0 scan --id-field rid --text-field body "$T/fields.jsonl"
expect_records "$T/out" "x1	-
$T/fields.jsonl:2	missing_text_field" "--id-field/--text-field (JSONL)"

########################################################################
# Report size limit: a 10 MB report passes with the limit raised; one over
# the limit gets report_too_large naming its size (and keeps its id).

python3 - "$T/big.jsonl" "$SECRET" <<'EOF'
import json, sys
# Filler without lexicon hits: this tests the CLI's path for a huge report,
# not the matcher's behaviour on hundreds of thousands of mentions.
unit = "Vertebral body heights and alignment are maintained. "
text = ("MRI cervical spine. " + unit * (10_000_000 // len(unit)))
text10 = text[:10_000_000]
text12 = (text * 2)[:12_000_000]
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "ten", "text": text10}) + "\n")
    f.write(json.dumps({"id": "twelve", "text": text12}) + "\n")
    f.write(json.dumps({"id": "small", "text": "MRI cervical spine. " + sys.argv[2]}) + "\n")
EOF
run 0 scan --max-report-bytes 11000000 "$T/big.jsonl"
cp "$T/out" "$T/big.out"
expect_records "$T/big.out" "ten	-
twelve	report_too_large
small	-" "10 MB report with the limit raised"
error_messages "$T/big.out" >"$T/msgs"
expect_contains "$T/msgs" "12000000 bytes" "report_too_large names the size"
expect_contains "$T/msgs" "11000000" "report_too_large names the limit"
contract_check "$T/big.jsonl" "$T/big.out" "big JSONL"
run 0 scan "$T/big.jsonl"
expect_records "$T/out" "ten	report_too_large
twelve	report_too_large
small	-" "default 1 MiB limit"
# A plain-text file over the limit.
head -c 2000 /dev/zero | tr '\0' 'x' >"$T/long.txt"
run 0 scan --max-report-bytes 1K "$T/long.txt"
expect_records "$T/out" "$T/long.txt	report_too_large" "text over the limit"
expect_contains "$T/out" "2000 bytes" "text over the limit: size"

########################################################################
# CSV with a header row and quoted multi-line fields. --max-report-bytes 1
# turns every report into report_too_large naming its exact byte length,
# which shows what the CSV reader extracted.

printf 'id,text,site\r\nc1,"MRI cervical spine.\nPossible ""cord"" compression, C5-6. %s",a\r\nc2,plain %s,b\r\n,"no id, %s",c\r\nc4,,d\r\nc5,too,many,fields\r\nc6,"CRLF\r\ninside",e\r\n' \
  "$SECRET" "$SECRET" "$SECRET" >"$T/in.csv"
run 0 scan "$T/in.csv"
cp "$T/out" "$T/csv.out"
expect_records "$T/csv.out" "c1	-
c2	-
3	-
c4	empty_report
5	csv_error
c6	-" "CSV"
error_messages "$T/csv.out" >"$T/msgs"
expect_not_contains "$T/msgs" "$SECRET" "CSV errors quote no report text"
expect_contains "$T/msgs" "row 5 (line 7" "csv_error names row and line"
run 0 scan --max-report-bytes 1 "$T/in.csv"
error_messages "$T/out" >"$T/msgs"
c1len=$(printf 'MRI cervical spine.\nPossible "cord" compression, C5-6. %s' "$SECRET" | wc -c)
expect_contains "$T/msgs" "row 1 (line 2, byte offset 14): report is $c1len bytes" \
  "multi-line quoted field read intact"
expect_contains "$T/msgs" "row 6 (line 8, byte offset" "row after multi-line field located"
expect_contains "$T/msgs" "report is 12 bytes" "CRLF inside a quoted field kept"
# Malformed quoting and invalid UTF-8 in CSV.
printf 'id,text\nq1,"ok %s"\nq2,"bad "quote" %s"\nq3,"bad \xff %s"\nq4,"fine %s"\n' \
  "$SECRET" "$SECRET" "$SECRET" "$SECRET" >"$T/bad.csv"
run 0 scan "$T/bad.csv"
expect_records "$T/out" "q1	-
2	csv_error
3	invalid_utf8
q4	-" "bad CSV"
error_messages "$T/out" >"$T/msgs"
expect_not_contains "$T/msgs" "$SECRET" "bad CSV errors quote no report text"
off=$(python3 -c '
import sys
print(open(sys.argv[1], "rb").read().index(b"\xff"))' "$T/bad.csv")
expect_contains "$T/msgs" "invalid UTF-8 at byte offset $off" "CSV invalid_utf8 offset"
# No id column: ids are row numbers; custom columns.
printf 'note,body\nn1,"MRI %s"\n' "$SECRET" >"$T/cols.csv"
run 0 scan --text-field body "$T/cols.csv"
expect_records "$T/out" "1	-" "CSV without id column"

########################################################################
# A directory: known extensions only, recursive, sorted relative paths.

D=$T/dir
mkdir -p "$D/a" "$D/sub/deeper"
echo "MRI cervical spine $SECRET b" >"$D/b.txt"
echo "MRI cervical spine $SECRET a" >"$D/a.txt"
echo "MRI cervical spine $SECRET ax" >"$D/a/x.txt"
echo "MRI cervical spine $SECRET c" >"$D/sub/c.rpt"
echo "MRI cervical spine $SECRET d" >"$D/sub/deeper/d.text"
echo "not a report" >"$D/notes.md"
echo '{"applicable": true}' >"$D/b.expected.json"
: >"$D/empty.txt"
printf 'MRI \xff\xfe cervical spine %s\n' "$SECRET" >"$D/latin1.txt"
printf '{"id":"j1","text":"MRI %s"}\n' "$SECRET" >"$D/sub/r.jsonl"
run 0 scan "$D"
cp "$T/out" "$T/dir.out"
expect_records "$T/dir.out" "a.txt	-
a/x.txt	-
b.txt	-
empty.txt	empty_report
latin1.txt	-
sub/c.rpt	-
sub/deeper/d.text	-
j1	-" "directory"
# Invalid UTF-8 in a plain-text report is analyzed anyway.
run 0 scan "$D/latin1.txt"
expect_records "$T/out" "$D/latin1.txt	-" "invalid UTF-8 text file analyzed"

########################################################################
# Standard input.

run 0 scan <"$D/b.txt"
expect_records "$T/out" "-	-" "stdin, no inputs"
run 0 scan - <"$D/b.txt"
expect_records "$T/out" "-	-" "stdin as -"
run 0 scan --format jsonl - <"$T/crlf.jsonl"
expect_records "$T/out" "a	-
b	-" "stdin JSONL"
run 0 scan --format csv <"$T/cols.csv"
expect_records "$T/out" "1	missing_text_field" "stdin CSV"
# --format overrides the extension of a named file.
cp "$T/crlf.jsonl" "$T/records.dat"
run 0 scan --format jsonl "$T/records.dat"
expect_records "$T/out" "a	-
b	-" "--format jsonl on .dat"
run 0 scan "$T/records.dat"
expect_records "$T/out" "$T/records.dat	-" "unknown extension is text"

########################################################################
# Archives: .tar.gz, .tar, .zip; members by extension.

(cd "$D" && tar -czf "$T/arc.tar.gz" b.txt a sub/r.jsonl notes.md)
(cd "$D" && tar -cf "$T/arc.tar" b.txt)
cp "$T/in.csv" "$D/rows.csv"
(cd "$D" && python3 - "$T/arc.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.write("b.txt")
    z.writestr("folder/", "")
    z.write("sub/r.jsonl")
    z.write("rows.csv")
EOF
)
run 0 scan "$T/arc.tar.gz" "$T/arc.tar" "$T/arc.zip"
cp "$T/out" "$T/arc.out"
A=$T/arc.tar.gz
Z=$T/arc.zip
expect_records "$T/arc.out" "$A:b.txt	-
$A:a/x.txt	-
$A:sub/r.jsonl:j1	-
$A:notes.md	-
$T/arc.tar:b.txt	-
$Z:b.txt	-
$Z:sub/r.jsonl:j1	-
$Z:rows.csv:c1	-
$Z:rows.csv:c2	-
$Z:rows.csv:3	-
$Z:rows.csv:c4	empty_report
$Z:rows.csv:5	csv_error
$Z:rows.csv:c6	-" "archives"
echo "this is not an archive" >"$T/broken.tar.gz"
run 1 scan "$T/broken.tar.gz" "$D/b.txt"
expect_records "$T/out" "$T/broken.tar.gz	archive_member_error
$D/b.txt	-" "broken archive"
expect_contains "$T/err" "broken.tar.gz" "broken archive named on stderr"

########################################################################
# Unreadable inputs: exit 1 after processing the rest.

run 1 scan "$D/a.txt" "$T/does_not_exist.txt" "$D/b.txt"
expect_records "$T/out" "$D/a.txt	-
$D/b.txt	-" "missing input skipped"
expect_contains "$T/err" "does_not_exist.txt" "missing input named"
if [[ -r /proc/self/mem ]]; then
  # /proc/self/mem opens but fails to read at offset 0: a read error that
  # does not depend on file permissions (the tests may run as root).
  mkdir -p "$T/rerr"
  cp "$D/a.txt" "$T/rerr/a.txt"
  ln -s /proc/self/mem "$T/rerr/m.txt"
  cp "$D/b.txt" "$T/rerr/z.txt"
  run 1 scan "$T/rerr"
  expect_records "$T/out" "a.txt	-
m.txt	read_error
z.txt	-" "read error in a directory"
  expect_contains "$T/err" "m.txt" "read error named on stderr"
fi

########################################################################
# Determinism: byte-identical output for any --threads.

python3 - "$T/many.jsonl" <<'EOF'
import json, random, sys
random.seed(7)
parts = ["Possible cord compression at C5-6.", "No cord compression.",
         "Moderate canal stenosis at C4-5.", "Mild disc bulge.",
         "IMPRESSION: possible cord compression but no canal stenosis.",
         "FINDINGS: normal.", "MRI cervical spine.", "\u00e9t\u00e9 \u2013 C6\u20137."]
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        if i % 500 == 7:
            f.write('{"id": "broken%d", "text": \n' % i)
            continue
        text = " ".join(random.choice(parts) for _ in range(random.randint(1, 60)))
        f.write(json.dumps({"id": "r%d" % i, "text": text}) + "\n")
EOF
for n in 1 2 4; do
  run 0 scan --threads "$n" --emit-cues -o "$T/many.$n.jsonl" "$T/many.jsonl"
  expect_empty "$T/out" "-o FILE leaves stdout empty"
done
expect_same "$T/many.1.jsonl" "$T/many.2.jsonl" "--threads 1 vs 2"
expect_same "$T/many.1.jsonl" "$T/many.4.jsonl" "--threads 1 vs 4"
contract_check "$T/many.jsonl" "$T/many.1.jsonl" "many JSONL with cues"
# Skewed record sizes make fast workers run ahead of a slow one up to the
# reorder window.
python3 - "$T/skew.jsonl" <<'EOF'
import json, random, sys
random.seed(3)
with open(sys.argv[1], "w") as f:
    for i in range(2000):
        n = 400 if i % 97 == 0 else random.randint(1, 5)
        f.write(json.dumps({"id": "s%d" % i,
                            "text": "Possible cord compression at C5-6. " * n}) + "\n")
EOF
run 0 scan --threads 1 -o "$T/skew.1" "$T/skew.jsonl"
for n in 2 3 8; do
  run 0 scan --threads "$n" -o "$T/skew.n" "$T/skew.jsonl"
  expect_same "$T/skew.1" "$T/skew.n" "skewed sizes, --threads 1 vs $n"
done
run 0 scan --threads 1 "$D" "$T/arc.zip" "$T/in.csv"
cp "$T/out" "$T/mixed.1"
run 0 scan --threads 4 "$D" "$T/arc.zip" "$T/in.csv"
expect_same "$T/mixed.1" "$T/out" "mixed inputs, --threads 1 vs 4"

# A failing output is a runtime error.
if [[ -w /dev/full ]]; then
  run 1 scan -o /dev/full "$T/many.jsonl"
  expect_contains "$T/err" "/dev/full" "write failure named"
fi
run 1 scan -o "$T/no_such_dir/out.jsonl" "$D/a.txt"

########################################################################
# Summary on stderr, unless --no-summary.

run 0 "$MYELEX" scan --lexicons "$LEX" "$T/bad.jsonl"
expect_contains "$T/err" "12 reports" "summary counts reports"
expect_contains "$T/err" "8 errors" "summary counts errors"
expect_contains "$T/err" "MB/s" "summary has throughput"
expect_not_contains "$T/err" "$SECRET" "summary quotes no report text"
run 0 scan "$T/bad.jsonl"
expect_empty "$T/err" "--no-summary"

########################################################################
# explain

printf 'MRI CERVICAL SPINE\nINDICATION: neck pain.\nFINDINGS: Possible cord compression at C5-6.\nIMPRESSION: Possible cord compression.\n' \
  >"$T/explain.txt"
run 0 "$MYELEX" explain --lexicons "$LEX" --color never "$T/explain.txt"
if [[ -s $T/out ]]; then ok; else fail "explain printed nothing"; fi
if grep -q $'\033' "$T/out"; then fail "explain --color never has escapes"; else ok; fi
run 0 "$MYELEX" explain --lexicons "$LEX" - <"$T/explain.txt"
run 1 "$MYELEX" explain --lexicons "$LEX" "$T/does_not_exist.txt"

########################################################################
# The shipped lexicons, if they load, over the sample corpus.

if "$MYELEX" lexicon check "$SRC/lexicons" >/dev/null 2>&1 &&
  [[ -f $SRC/corpus/sample.gold.jsonl ]]; then
  run 0 "$MYELEX" scan --no-summary --emit-cues -o "$T/gold.out" \
    "$SRC/corpus/sample.gold.jsonl"
  contract_check "$SRC/corpus/sample.gold.jsonl" "$T/gold.out" \
    "shipped lexicons over corpus/sample.gold.jsonl"
fi

echo "cli_test: $CHECKS checks, $FAILURES failures"
[[ $FAILURES -eq 0 ]] || exit 1
[[ $HAVE_CHECK -eq 1 ]] || exit 77
