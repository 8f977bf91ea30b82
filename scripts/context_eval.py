#!/usr/bin/env python3
"""Scores `myelex assert` (ConText) against corpus/context/sentences.tsv.

The set is hand-labelled (see corpus/context/README.md): one target span per
row with its gold certainty, historical, hypothetical and experiencer. This
script turns the rows into `myelex assert` JSONL input (UTF-8 byte offsets of
the target), runs the binary once over all of them, and prints per-attribute
precision / recall / F1, overall and split by domain (ids starting with "r"
are radiology sentences, "c" general clinical notes), then every error.

Attributes (each a binary decision per target):
  negation        certainty == negated
  uncertain       certainty in {possible, probable, unlikely}
  definite ... negated   each certainty level on its own
  historical, hypothetical, experiencer_other
plus certainty_acc (five-way accuracy) and exact_acc (all four fields right).

Floors: --min-negation-f1 X etc., or --floor NAME=X for any figure above
(NAME is an attribute, "NAME_f1" or an accuracy: certainty_acc, exact_acc).
Exit 0 when every floor holds, 1 when one does not (or the binary failed),
2 on usage or data errors in the set.

Python 3 standard library only.
"""

import argparse
import json
import os
import subprocess
import sys

CERTAINTIES = ("definite", "probable", "possible", "unlikely", "negated")
UNCERTAIN = ("probable", "possible", "unlikely")
COLUMNS = ("id", "sentence", "target", "certainty", "historical",
           "hypothetical", "experiencer", "note")
DOMAINS = (("all", ""), ("radiology", "r"), ("clinical", "c"))


class DataError(Exception):
    pass


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_bool(value, where, column):
    if value == "true":
        return True
    if value == "false":
        return False
    raise DataError("%s: %s must be true or false, got %r" %
                    (where, column, value))


def locate(sentence, target, where):
    """Returns the character span of the target: `text` or `text#N` (the Nth
    occurrence, 1-based)."""
    occurrence = 1
    text = target
    head, sep, tail = target.rpartition("#")
    if sep and tail.isdigit() and head:
        text, occurrence = head, int(tail)
        if occurrence < 1:
            raise DataError("%s: occurrence suffix must be >= 1" % where)
    start = -1
    for _ in range(occurrence):
        start = sentence.find(text, start + 1)
        if start < 0:
            raise DataError("%s: target %r (occurrence %d) is not in the "
                            "sentence" % (where, text, occurrence))
    return start, start + len(text), text


def load_set(path):
    rows = []
    seen = set()
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if not lines or lines[0].rstrip("\r").split("\t") != list(COLUMNS):
        raise DataError("%s:1: header must be: %s" % (path, "\t".join(COLUMNS)))
    for number, line in enumerate(lines[1:], start=2):
        line = line.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        where = "%s:%d" % (path, number)
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise DataError("%s: expected %d TAB-separated fields, got %d" %
                            (where, len(COLUMNS), len(fields)))
        row = dict(zip(COLUMNS, fields))
        if not row["id"] or row["id"] in seen:
            raise DataError("%s: empty or duplicate id %r" % (where, row["id"]))
        seen.add(row["id"])
        if row["certainty"] not in CERTAINTIES:
            raise DataError("%s: unknown certainty %r" % (where, row["certainty"]))
        if row["experiencer"] not in ("patient", "other"):
            raise DataError("%s: experiencer must be patient or other" % where)
        row["historical"] = parse_bool(row["historical"], where, "historical")
        row["hypothetical"] = parse_bool(row["hypothetical"], where,
                                         "hypothetical")
        start, end, text = locate(row["sentence"], row["target"], where)
        sentence = row["sentence"]
        row["start"] = len(sentence[:start].encode("utf-8"))
        row["end"] = row["start"] + len(sentence[start:end].encode("utf-8"))
        row["target_text"] = text
        rows.append(row)
    return rows


def to_jsonl(rows):
    out = []
    for row in rows:
        out.append(json.dumps({
            "id": row["id"],
            "text": row["sentence"],
            "targets": [{"start": row["start"], "end": row["end"]}],
        }, ensure_ascii=False))
    return "\n".join(out) + "\n"


def run_assert(binary, lexicons, jsonl):
    cmd = [binary, "assert"]
    if lexicons:
        cmd += ["--lexicons", lexicons]
    proc = subprocess.run(cmd, input=jsonl.encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError("%s exited with %d: %s" %
                           (" ".join(cmd), proc.returncode,
                            proc.stderr.decode("utf-8", "replace").strip()))
    return proc.stdout.decode("utf-8").splitlines()


def predictions(rows, output_lines):
    """Returns one prediction dict per row (None where the tool gave none)."""
    if len(output_lines) != len(rows):
        raise RuntimeError("myelex assert wrote %d lines for %d inputs" %
                           (len(output_lines), len(rows)))
    preds = []
    for row, line in zip(rows, output_lines):
        record = json.loads(line)
        if record.get("id") != row["id"]:
            raise RuntimeError("output out of order: expected id %r, got %r" %
                               (row["id"], record.get("id")))
        targets = record.get("targets") or []
        if record.get("error") or len(targets) != 1:
            preds.append({"error": record.get("error") or "no target"})
            continue
        t = targets[0]
        preds.append({
            "certainty": t.get("certainty"),
            "historical": bool(t.get("historical")),
            "hypothetical": bool(t.get("hypothetical")),
            "experiencer": t.get("experiencer"),
            "cues": [c.get("id") for c in t.get("cues") or []],
        })
    return preds


def attribute_tests():
    tests = [
        ("negation", lambda r: r["certainty"] == "negated"),
        ("uncertain", lambda r: r["certainty"] in UNCERTAIN),
    ]
    for level in CERTAINTIES:
        tests.append((level, lambda r, level=level: r["certainty"] == level))
    tests += [
        ("historical", lambda r: r["historical"]),
        ("hypothetical", lambda r: r["hypothetical"]),
        ("experiencer_other", lambda r: r["experiencer"] == "other"),
    ]
    return tests


FIELDS = ("certainty", "historical", "hypothetical", "experiencer")


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def score(rows, preds):
    result = {"n": len(rows), "attributes": {}}
    for name, test in attribute_tests():
        tp = fp = fn = 0
        for row, pred in zip(rows, preds):
            gold = test(row)
            got = "error" not in pred and test(pred)
            tp += gold and got
            fp += (not gold) and got
            fn += gold and not got
        p, r, f1 = prf(tp, fp, fn)
        result["attributes"][name] = {"tp": tp, "fp": fp, "fn": fn,
                                      "gold": tp + fn, "p": p, "r": r,
                                      "f1": f1}
    n = max(len(rows), 1)
    result["certainty_acc"] = sum(
        "error" not in pd and pd["certainty"] == r["certainty"]
        for r, pd in zip(rows, preds)) / n
    result["exact_acc"] = sum(
        "error" not in pd and all(pd[f] == r[f] for f in FIELDS)
        for r, pd in zip(rows, preds)) / n
    return result


def errors(rows, preds):
    out = []
    for row, pred in zip(rows, preds):
        if "error" in pred:
            out.append({"id": row["id"], "sentence": row["sentence"],
                        "target": row["target"], "diff": {"error": pred["error"]},
                        "note": row["note"]})
            continue
        diff = {f: {"gold": row[f], "got": pred[f]} for f in FIELDS
                if pred[f] != row[f]}
        if diff:
            out.append({"id": row["id"], "sentence": row["sentence"],
                        "target": row["target"], "diff": diff,
                        "cues": pred["cues"], "note": row["note"]})
    return out


def print_table(name, result, out):
    out.write("\n== %s (%d targets) ==\n" % (name, result["n"]))
    out.write("%-18s %5s %5s %4s %4s %6s %6s %6s\n" %
              ("attribute", "gold", "tp", "fp", "fn", "P", "R", "F1"))
    for attr, m in result["attributes"].items():
        out.write("%-18s %5d %5d %4d %4d %6.3f %6.3f %6.3f\n" %
                  (attr, m["gold"], m["tp"], m["fp"], m["fn"], m["p"], m["r"],
                   m["f1"]))
    out.write("certainty accuracy %.3f   all four fields exact %.3f\n" %
              (result["certainty_acc"], result["exact_acc"]))


def figure(result, name):
    """Looks up a floor name: an attribute (its F1), NAME_f1, NAME_p, NAME_r,
    certainty_acc or exact_acc."""
    if name in ("certainty_acc", "exact_acc"):
        return result[name]
    attrs = result["attributes"]
    if name in attrs:
        return attrs[name]["f1"]
    base, _, metric = name.rpartition("_")
    if base in attrs and metric in ("f1", "p", "r"):
        return attrs[base][metric]
    return None


def main(argv):
    root = repo_root()
    ap = argparse.ArgumentParser(
        description="Score `myelex assert` against the ConText sentence set.")
    ap.add_argument("--myelex", default=os.path.join(root, "build", "myelex"),
                    help="the myelex binary (default: build/myelex)")
    ap.add_argument("--lexicons", default=os.path.join(root, "lexicons"),
                    help="lexicon directory passed to myelex assert")
    ap.add_argument("--set", default=os.path.join(root, "corpus", "context",
                                                  "sentences.tsv"),
                    help="the labelled sentences (TSV)")
    ap.add_argument("--json", action="store_true",
                    help="print one JSON object (figures and errors)")
    ap.add_argument("--no-errors", action="store_true",
                    help="do not list the errors in text output")
    ap.add_argument("--dump-input", metavar="FILE",
                    help="also write the myelex assert JSONL input to FILE")
    for attr in ("negation", "uncertain", "historical", "hypothetical",
                 "experiencer"):
        ap.add_argument("--min-%s-f1" % attr, type=float, metavar="X",
                        help="fail if the overall %s F1 is below X" % attr)
    ap.add_argument("--min-certainty-acc", type=float, metavar="X")
    ap.add_argument("--floor", action="append", default=[],
                    metavar="[DOMAIN:]NAME=X",
                    help="fail if figure NAME (e.g. negation, historical_p, "
                    "exact_acc) is below X; DOMAIN is all (default), "
                    "radiology or clinical; repeatable")
    args = ap.parse_args(argv)

    floors = []
    for attr in ("negation", "uncertain", "historical", "hypothetical"):
        value = getattr(args, "min_%s_f1" % attr)
        if value is not None:
            floors.append(("all", attr, value))
    if args.min_experiencer_f1 is not None:
        floors.append(("all", "experiencer_other", args.min_experiencer_f1))
    if args.min_certainty_acc is not None:
        floors.append(("all", "certainty_acc", args.min_certainty_acc))
    for spec in args.floor:
        name, sep, value = spec.partition("=")
        domain, colon, name = name.rpartition(":")
        domain = domain if colon else "all"
        try:
            floors.append((domain, name, float(value)))
        except ValueError:
            sep = ""
        if not sep or domain not in dict(DOMAINS):
            ap.error("bad --floor %r (want [DOMAIN:]NAME=X)" % spec)

    try:
        rows = load_set(args.set)
    except (OSError, DataError) as e:
        sys.stderr.write("context_eval: %s\n" % e)
        return 2
    jsonl = to_jsonl(rows)
    if args.dump_input:
        with open(args.dump_input, "w", encoding="utf-8") as f:
            f.write(jsonl)
    try:
        preds = predictions(rows, run_assert(args.myelex, args.lexicons, jsonl))
    except (OSError, RuntimeError, ValueError) as e:
        sys.stderr.write("context_eval: %s\n" % e)
        return 1

    results = {}
    for domain, prefix in DOMAINS:
        picked = [(r, p) for r, p in zip(rows, preds)
                  if r["id"].lower().startswith(prefix)]
        results[domain] = score([r for r, _ in picked], [p for _, p in picked])
    errs = errors(rows, preds)

    failures = []
    for domain, name, value in floors:
        got = figure(results[domain], name)
        if got is None:
            sys.stderr.write("context_eval: unknown figure %r\n" % name)
            return 2
        if got < value:
            failures.append("%s %s = %.3f is below the floor %.3f" %
                            (domain, name, got, value))

    if args.json:
        json.dump({"results": results, "errors": errs, "floor_failures":
                   failures}, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        out = sys.stdout
        for domain, _ in DOMAINS:
            print_table(domain, results[domain], out)
        if not args.no_errors:
            out.write("\n== errors (%d) ==\n" % len(errs))
            for e in errs:
                diff = ", ".join(
                    "%s gold %s got %s" % (k, v["gold"], v["got"])
                    if isinstance(v, dict) else "%s %s" % (k, v)
                    for k, v in e["diff"].items())
                out.write("%s\t%s\t[%s]\t%s\tcues=%s\n" %
                          (e["id"], e["sentence"], e["target"], diff,
                           ",".join(e.get("cues") or [])))
        for f in failures:
            out.write("FLOOR FAILED: %s\n" % f)
    for f in failures:
        sys.stderr.write("context_eval: floor failed: %s\n" % f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
