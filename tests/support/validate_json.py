#!/usr/bin/env python3
"""validate_json.py SCHEMA DOCUMENT [POINTER]: validates a samlkit JSON report against its
schema in docs/schema/, resolving references between the schemas of that folder
(common.schema.json) from disk. With POINTER (e.g. '#/definitions/message'), DOCUMENT is
JSON Lines and each line is validated against that part of the schema. Exit 0 when valid."""
import json
import pathlib
import sys
import warnings

import jsonschema

warnings.simplefilter("ignore", DeprecationWarning)  # RefResolver: the API Debian 12's 4.10 has


def main():
    schema_path = pathlib.Path(sys.argv[1])
    schemas = {}
    for path in schema_path.parent.glob("*.schema.json"):
        loaded = json.loads(path.read_text())
        schemas[loaded["$id"]] = loaded
    schema = json.loads(schema_path.read_text())
    resolver = jsonschema.RefResolver(schema["$id"], schema, store=schemas)
    text = pathlib.Path(sys.argv[2]).read_text()
    if len(sys.argv) > 3:
        part = {"$ref": schema["$id"] + sys.argv[3]}
        lines = [line for line in text.split("\n") if line]
        if not lines:
            sys.exit("no JSON line to validate")
        for line in lines:
            jsonschema.validate(json.loads(line), part, resolver=resolver)
    else:
        jsonschema.validate(json.loads(text), schema, resolver=resolver)


if __name__ == "__main__":
    main()
