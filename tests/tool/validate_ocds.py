#!/usr/bin/env python3
"""Validates an OCDS 1.1.5 release package against the schema files in tests/data/ocds (Draft 4, jsonschema).

    validate_ocds.py SCHEMA_DIR [--expect-errors N] [--drop PATH ...] (PACKAGE.json | -- PROGRAM ARGS...)

The release schema is patched with the extensions the package declares (metrics, performance_failures), as JSON
Merge Patches (RFC 7386); each release is validated against it and the envelope against the package schema. With
`-- PROGRAM ARGS...` the package is the standard output of that program, which must exit 0. --drop deletes a field
(a path such as releases/0/initiationType) before validating, to test the validator. Exits 0 when the number of
errors is the expected one (0 by default), printing each error.
"""
import json
import lzma
import subprocess
import sys
from pathlib import Path

from jsonschema import Draft4Validator


def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


def drop(document, path):
    *parents, last = path.split("/")
    node = document
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    del node[int(last) if isinstance(node, list) else last]


def main(argv):
    schemas = Path(argv[0])
    expected, drops, rest = 0, [], argv[1:]
    while rest and rest[0] in ("--expect-errors", "--drop"):
        if rest[0] == "--expect-errors":
            expected = int(rest[1])
        else:
            drops.append(rest[1])
        rest = rest[2:]
    if rest[0] == "--":
        run = subprocess.run(rest[1:], capture_output=True, text=True, check=False)
        if run.returncode != 0:
            print(f"{rest[1]} exited {run.returncode}: {run.stderr}")
            return 1
        package = json.loads(run.stdout)
    else:
        package = json.loads(Path(rest[0]).read_text(encoding="utf-8"))
    for path in drops:
        drop(package, path)

    release_schema = json.loads(lzma.open(schemas / "release-schema.json.xz").read().decode("utf-8"))
    for name in ("metrics", "performance_failures"):
        if any(f"ocds_{name}_extension" in url for url in package.get("extensions", [])):
            patch = json.loads((schemas / "extensions" / name / "release-schema.json").read_text(encoding="utf-8"))
            release_schema = merge_patch(release_schema, patch)
    package_schema = json.loads((schemas / "release-package-schema.json").read_text(encoding="utf-8"))
    package_schema["properties"]["releases"]["items"] = {"type": "object"}  # each release is checked below

    errors = [f"package {list(e.absolute_path)}: {e.message}" for e in Draft4Validator(package_schema).iter_errors(package)]
    for i, release in enumerate(package.get("releases", [])):
        errors += [f"release {i} {list(e.absolute_path)}: {e.message}"
                   for e in Draft4Validator(release_schema).iter_errors(release)]
    print("\n".join(errors) if errors else "0 errors")
    if len(errors) != expected:
        print(f"expected {expected} errors, found {len(errors)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
