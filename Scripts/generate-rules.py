#!/usr/bin/env python3
"""Writes a generated rule base for timing `myco rules check` (see Docs/verification.md).

    python3 Scripts/generate-rules.py /tmp/gen10k 10000
    time .build/release/myco rules check --rules /tmp/gen10k > /dev/null

Rules use the bundled vocabulary: variety x topic x elevation range x month, each with its own
advice text, two priorities, spread over files of 500 rules. Myco validates them with its bundled schema.

OUT must be a new or empty folder, or one this script wrote before (it holds the marker file
.myco-generated-rules); any other folder is refused and left untouched.
"""
import os
import shutil
import sys

MARKER = ".myco-generated-rules"

if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
    sys.exit("usage: generate-rules.py OUT [COUNT]   (OUT: a new folder, or one this script wrote)")
out = sys.argv[1]
try:
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
except ValueError:
    sys.exit(f"error: COUNT '{sys.argv[2]}' is not a whole number")
if not 1 <= count <= 1_000_000:
    sys.exit(f"error: COUNT {count} is out of range (1-1000000)")
here = os.path.dirname(os.path.abspath(__file__))
if os.path.islink(out) or (os.path.exists(out) and not os.path.isdir(out)):
    sys.exit(f"error: {out} exists and is not a folder; refusing to touch it")
if os.path.isdir(out) and os.listdir(out):
    if not os.path.isfile(os.path.join(out, MARKER)):
        sys.exit(f"error: {out} is not empty and was not written by this script (no {MARKER}); "
                 "refusing to delete it — choose a new folder")
    shutil.rmtree(out)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, MARKER), "w") as f:
    f.write("written by Scripts/generate-rules.py; the script may delete and rewrite this folder\n")

varieties = ["shiitake", "oyster", "wood-ear", "king-oyster", "enoki", "tremella", "button",
             "lions-mane", "morel", "wine-cap", "lingzhi"]
topics = ["timing", "bag-size", "substrate", "spawn-run", "heat", "fruiting", "contamination",
          "pests", "pesticide-safety", "strain"]
rules = []
for i in range(count):
    variety = varieties[i % 11]
    topic = topics[(i // 11) % 10]
    low = ((i // 110) % 30) * 100
    month = (i // 3300) % 12 + 1
    rules.append(f"""  <rule id="gen.{i}" priority="{50 + i % 2}" certainty="should">
    <title lang="zh">生成规则 {i}</title>
    <title lang="en">Generated rule {i}</title>
    <when>
      <fact name="variety" is="{variety}"/>
      <fact name="elevation" at-least="{low}" unit="m"/>
      <fact name="elevation" below="{low + 100}" unit="m"/>
      <fact name="month" is="{month}"/>
    </when>
    <then>
      <advise topic="{topic}"><text lang="zh">建议 {i}</text><text lang="en">Advice {i}</text></advise>
    </then>
    <because lang="zh">生成</because>
    <because lang="en">Generated.</because>
    <source ref="generated"/>
  </rule>
""")
for start in range(0, count, 500):
    with open(os.path.join(out, f"gen-{start // 500:03d}.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rules xmlns="urn:myco:rules:1" id="gen" version="gen">\n')
        f.write("".join(rules[start:start + 500]))
        f.write("</rules>\n")
