#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (draft-07 or 2020-12), offline: every $ref must be inside the schema.

usage: validate_json.py SCHEMA.json DOCUMENT.json...   exit 0 valid, 1 invalid (errors on stderr), 3 no jsonschema.
Needs the `jsonschema` package (pip install jsonschema), which Debian-based Swift images of this project ship.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate_json.py: the Python package 'jsonschema' is missing (pip install jsonschema)", file=sys.stderr)
    sys.exit(3)


def main(schema_path, documents):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    bad = 0
    for path in documents:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: /{where}: {e.message[:300]}", file=sys.stderr)
        bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
