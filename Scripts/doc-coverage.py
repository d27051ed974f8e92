#!/usr/bin/env python3
"""Counts the public declarations of Sources/TARGET with and without a `///` doc comment.

Usage (from the repository root): Scripts/doc-coverage.py [-v] TARGET...   (-v lists the undocumented ones)
"""
import re, sys, pathlib
decl = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?:(?:private|internal)\(set\)\s+)?(?:(?:static|final|override|mutating|nonisolated|indirect|convenience|required|class)\s+)*(?:func|var|let|init|struct|enum|class|protocol|typealias|subscript|case|actor|extension)\b')
def scan(target, show):
    have = missing = 0
    for path in sorted(pathlib.Path('Sources', target).rglob('*.swift')):
        lines = path.read_text().split('\n')
        for i, line in enumerate(lines):
            if not decl.match(line) or re.match(r'^\s*public\s+extension\b', line): continue
            j = i - 1
            while j >= 0 and re.match(r'^\s*@\w+', lines[j]): j -= 1
            if j >= 0 and lines[j].strip().startswith('///'): have += 1
            else:
                missing += 1
                if show: print(f'{path}:{i+1}: {line.strip()}')
    return have, missing
show = '-v' in sys.argv
for target in [a for a in sys.argv[1:] if a != '-v']:
    h, m = scan(target, show)
    print(f'{target}: {h}/{h+m} public declarations documented ({100*h/max(h+m,1):.0f} %)')
