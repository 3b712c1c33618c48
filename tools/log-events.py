#!/usr/bin/env python3
"""Prints docs/log-events.md from the [LoggerMessage] attributes in src/ (the registry of log event ids).
Usage: python3 tools/log-events.py > docs/log-events.md   (a Web test checks the file matches the code)."""
import os, re, sys
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
pat = re.compile(r'\[LoggerMessage\((.*?)\)\]', re.S)
rows = []
for d, _, files in os.walk(os.path.join(root, 'src')):
    if '/obj' in d or '/bin' in d:
        continue
    for f in files:
        if not f.endswith('.cs'):
            continue
        p = os.path.join(d, f)
        text = open(p, encoding='utf-8').read()
        for m in pat.finditer(text):
            args = m.group(1)
            eid = re.search(r'EventId\s*=\s*(\d+)', args)
            lvl = re.search(r'Level\s*=\s*LogLevel\.(\w+)', args)
            msg = re.search(r'Message\s*=\s*"((?:[^"\\]|\\.)*)"', args)
            if eid:
                rows.append((int(eid.group(1)), lvl.group(1) if lvl else 'Dynamic', os.path.relpath(p, root), msg.group(1) if msg else ''))
rows.sort()
print('# Log event ids')
print()
print('Every structured log message DocSync writes has a stable event id, listed here once. Ids are grouped by')
print('area: 1000s Dropbox client, 2000s documents, companies, accounts, organizing, reading, connections,')
print('4000s export, 5000s collect, 6000s blobs, 7000s the embedded emulator, 9000s overview and notifications.')
print('A test (`LogEventRegistryTests`) fails when an id is used twice or this table and the code disagree;')
print('regenerate it with `python3 tools/log-events.py > docs/log-events.md`. No message carries a secret or')
print('document contents.')
print()
print('| Id | Level | Where | Message |')
print('|---:|---|---|---|')
for eid, lvl, path, msg in rows:
    print(f'| {eid} | {lvl} | `{path}` | {msg.replace("|", "&#124;")} |')
