#!/usr/bin/env python3
"""Writes a generated rule base for timing `myco rules check` (see Docs/verification.md).

    python3 Scripts/generate-rules.py /tmp/gen10k 10000
    time .build/release/myco rules check --rules /tmp/gen10k > /dev/null

Rules use the bundled vocabulary: variety x topic x elevation range x month, each with its own
advice text, two priorities, spread over files of 500 rules. The schema is copied from Rules/schema.
"""
import os
import shutil
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
here = os.path.dirname(os.path.abspath(__file__))
shutil.rmtree(out, ignore_errors=True)
shutil.copytree(os.path.join(here, "..", "Rules", "schema"), os.path.join(out, "schema"))

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
