#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fails when a translation is not complete and current.

For each .ts file: lupdate re-scans the sources into a temporary copy (so a string added to or removed from
the code shows up as "unfinished" or "vanished" even when the committed file was not refreshed), then every
message must be finished, not obsolete, carry the placeholders of its source (%1..%99, %n), have as many
plural forms as the language needs, and keep a menu mnemonic when the source has one.

Usage: check_translations.py --lupdate PATH --sources FILE... --ts FILE... [--plural-only FILE...]
       [--includes DIR...]
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

PLURAL_FORMS = {"de": 2, "es": 2, "fr": 2, "zh_CN": 1, "en": 2}
PLACEHOLDER = re.compile(r"%(\d{1,2}|n)")
MNEMONIC = re.compile(r"&(?!&)\S")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def check(ts_path, lupdate, sources, includes, plural_only):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path.name
        shutil.copy(ts_path, copy)
        run = subprocess.run([lupdate, "-silent", "-locations", "none", *(["-pluralonly"] if plural_only else []),
                              *[f"-I{i}" for i in includes], *sources, "-ts", str(copy)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            return [f"lupdate failed: {run.stderr.strip()}"]
        root = ET.parse(copy).getroot()
    language = root.get("language", "")
    forms = PLURAL_FORMS.get(language)
    if forms is None:
        problems.append(f"unknown language '{language}'")
        forms = 2
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            where = f"[{name}] {source[:70]!r}"
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("unfinished", "missing"):
                problems.append(f"unfinished: {where}")
                continue
            if kind in ("vanished", "obsolete"):
                problems.append(f"obsolete (no longer in the sources): {where}")
                continue
            if message.get("numerus") == "yes":
                texts = [f.text or "" for f in tr.findall("numerusform")]
                if len(texts) != forms or not all(t.strip() for t in texts):
                    problems.append(f"needs {forms} plural form(s): {where}")
            else:
                texts = [tr.text or ""]
                if not texts[0].strip():
                    problems.append(f"empty: {where}")
            for t in texts:
                if placeholders(t) != placeholders(source):
                    problems.append(f"placeholders {placeholders(t)} instead of {placeholders(source)}: {where}")
                if MNEMONIC.search(source) and not MNEMONIC.search(t):
                    problems.append(f"lost its keyboard mnemonic (&): {where}")
    if count == 0:
        problems.append("no messages at all")
    return problems


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--lupdate", required=True)
    p.add_argument("--sources", nargs="+", required=True)
    p.add_argument("--ts", nargs="+", required=True)
    p.add_argument("--plural-only", nargs="*", default=[],
                   help=".ts files that hold only plural forms (the source language)")
    p.add_argument("--includes", nargs="*", default=[], help="include folders, so that lupdate sees namespaces")
    a = p.parse_args()
    failed = False
    for ts in a.ts + a.plural_only:
        problems = check(Path(ts), a.lupdate, a.sources, a.includes, ts in a.plural_only)
        print(f"{Path(ts).name}: {'complete' if not problems else f'{len(problems)} problem(s)'}")
        for line in problems[:40]:
            print("  " + line)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
