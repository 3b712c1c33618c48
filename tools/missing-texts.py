#!/usr/bin/env python3
"""Lists text keys used by the web UI that a language file lacks (literal keys only)."""
import json, pathlib, re, sys
root = pathlib.Path(__file__).resolve().parent.parent / "src/DocSync.Web"
used = set()
for f in list(root.rglob("*.cshtml")) + list(root.rglob("*.cs")):
    used |= set(re.findall(r'(?:T|texts)\["([a-zA-Z0-9_.]+)"\]', f.read_text()))
    used |= set(re.findall(r'T\.Format\("([a-zA-Z0-9_.]+)"', f.read_text()))
missing = 0
for lang in ("en", "nl", "fr"):
    keys = set(json.loads((root / f"Localization/Texts.{lang}.json").read_text()))
    for k in sorted(used - keys):
        print(f"{lang}: {k}"); missing += 1
sys.exit(1 if missing else 0)
