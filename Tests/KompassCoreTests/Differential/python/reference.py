"""The independent side of kompass's differential tests (Tests/KompassCoreTests/Differential).

Python's standard library only (csv, json, xml.sax): no packages. Reads one request from stdin,
{"mode": ..., "inputs": [...]}, and writes one reply to stdout, {"results": [...]}, one result per input,
in order. Every byte string crosses as hex, in both directions, so that no JSON escaping of ours or
of Python's stands between the two sides.

Modes:
  csv        inputs {"hex", "delimiter"}: csv.reader over the bytes (UTF-8, surrogateescape, so any byte
             round-trips), strict and non-strict.
  json       inputs "hex": json.loads over the bytes, decoded as UTF-8 first; the verdict and the tokens.
  canonical  inputs "hex": json.loads, strict (no duplicate keys, no NaN/Infinity); a canonical text.
  sax        inputs "hex": xml.sax (expat) with namespaces; the events.
"""

import csv
import io
import json
import sys
import xml.sax
import xml.sax.handler


def hexed(text):
    return text.encode("utf-8", "surrogateescape").hex()


# --- CSV ------------------------------------------------------------------------------------------

def csv_rows(text, delimiter, strict):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    try:
        return {"ok": True, "rows": [[hexed(cell) for cell in row] for row in reader]}
    except csv.Error as error:
        return {"ok": False, "error": str(error), "line": reader.line_num}


def csv_case(case):
    text = bytes.fromhex(case["hex"]).decode("utf-8", "surrogateescape")
    strict = csv_rows(text, case["delimiter"], True)
    loose = csv_rows(text, case["delimiter"], False)
    return {"strict": strict, "loose": loose}


# --- JSON -----------------------------------------------------------------------------------------

class Lenient(Exception):
    """Python accepts what RFC 8259 does not: the reason, so that the test can tell it from a verdict."""


class Pairs(list):
    """An object's members in the order of the text (duplicates kept)."""


class Number(str):
    """A number's literal, as written."""


def refuse_constant(name):
    raise Lenient("constant " + name)


def has_surrogate(text):
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def tokens(value, out):
    if isinstance(value, Pairs):
        out.append("{")
        for key, member in value:
            if has_surrogate(key):
                raise Lenient("lone surrogate escape")
            out.append("k" + key.encode("utf-8").hex())
            tokens(member, out)
        out.append("}")
    elif isinstance(value, list):
        out.append("[")
        for element in value:
            tokens(element, out)
        out.append("]")
    elif isinstance(value, Number):
        out.append("n" + str.__str__(value))
    elif isinstance(value, str):
        if has_surrogate(value):
            raise Lenient("lone surrogate escape")
        out.append("s" + value.encode("utf-8").hex())
    elif value is True:
        out.append("t")
    elif value is False:
        out.append("f")
    elif value is None:
        out.append("z")
    else:
        raise TypeError(type(value))


def json_case(hex_text):
    data = bytes.fromhex(hex_text)
    # json.loads(bytes) would guess UTF-16 and UTF-32 from NUL bytes; RFC 8259 JSON is UTF-8: decode first.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return {"verdict": "reject", "reason": "not UTF-8: " + str(error)}
    bom = text.startswith("\ufeff")
    if bom:
        # json.loads refuses a leading BOM ("Unexpected UTF-8 BOM"); RFC 8259 lets a parser ignore it, and
        # ours does: the BOM is taken off here and the rest judged (reported as "bom" to the test).
        text = text[1:]
    try:
        value = json.loads(text, object_pairs_hook=Pairs, parse_int=Number, parse_float=Number,
                           parse_constant=refuse_constant)
        out = []
        tokens(value, out)
        return {"verdict": "accept", "tokens": out, "bom": bom}
    except Lenient as lenient:
        return {"verdict": "lenient", "reason": str(lenient), "bom": bom}
    except RecursionError:
        return {"verdict": "lenient", "reason": "recursion limit", "bom": bom}
    except json.JSONDecodeError as error:
        return {"verdict": "reject", "reason": str(error), "bom": bom}


def canonical(value):
    """Sorted keys (by code point), no white space, strings as json.dumps writes them (ASCII, \\uXXXX),
    numbers as written."""
    if isinstance(value, Pairs):
        members = sorted(value, key=lambda member: member[0])
        return "{" + ",".join(json.dumps(k) + ":" + canonical(v) for k, v in members) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    if isinstance(value, Number):
        return str.__str__(value)
    if isinstance(value, str):
        return json.dumps(value)
    return json.dumps(value)


def strict_pairs(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise ValueError("duplicate key " + json.dumps(key))
        seen.add(key)
    return Pairs(pairs)


def canonical_case(hex_text):
    try:
        text = bytes.fromhex(hex_text).decode("utf-8")
        value = json.loads(text, object_pairs_hook=strict_pairs, parse_int=Number, parse_float=Number,
                           parse_constant=refuse_constant)
        out = []
        tokens(value, out)  # refuses lone surrogates
        return {"ok": True, "canonical": canonical(value)}
    except (ValueError, Lenient, RecursionError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return {"ok": False, "error": str(error)}


# --- XML ------------------------------------------------------------------------------------------

class Events(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.events = []
        self.text = []

    def flush(self):
        if self.text:
            self.events.append("T" + hexed("".join(self.text)))
            self.text = []

    @staticmethod
    def name(pair):
        namespace, local = pair
        return ("{" + namespace + "}" if namespace else "") + local

    def startElementNS(self, name, qname, attributes):
        self.flush()
        pairs = sorted(self.name(key) + "=" + value for key, value in attributes.items())
        self.events.append("S" + hexed(self.name(name)) + "".join(" " + hexed(pair) for pair in pairs))

    def endElementNS(self, name, qname):
        self.flush()
        self.events.append("E" + hexed(self.name(name)))

    def characters(self, content):
        self.text.append(content)


def sax_case(hex_text):
    handler = Events()
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(bytes.fromhex(hex_text)))
    except (xml.sax.SAXException, LookupError, ValueError) as error:
        return {"ok": False, "error": str(error)}
    handler.flush()
    return {"ok": True, "events": handler.events}


def main():
    request = json.load(sys.stdin)
    mode = request["mode"]
    handle = {"csv": csv_case, "json": json_case, "canonical": canonical_case, "sax": sax_case}[mode]
    results = [handle(case) for case in request["inputs"]]
    json.dump({"python": sys.version.split()[0], "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
