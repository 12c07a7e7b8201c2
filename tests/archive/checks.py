#!/usr/bin/env python3
"""Checks of an Alliance snapshot that the reference tools skip.

Used by validate.sh; each subcommand prints what it found and exits 1 on any
failure. Only the standard library is needed (run it with the tools' venv).

  checks.py records WARC           every gzip member is one whole record whose
                                   block length equals its Content-Length
  checks.py cdxj WARC CDXJ REF     the index is sorted, every line resolves to
                                   its record, and it holds the same entries as
                                   REF (pywb's cdxj-indexer output)
  checks.py wacz WACZ WARC CDXJ    required entries, all STORED, pages.jsonl
                                   header and lines, copies identical, index
                                   resolves inside the zip
  checks.py pages WACZ             prints "url<TAB>title" for every page
  checks.py replay PREFIX WACZ     every page and every revisit replays with
                                   HTTP 200 (pages with their title) through PREFIX (e.g.
                                   http://127.0.0.1:PORT/COLL/20261122000000)
  checks.py tamper FILE            changes one byte of FILE in place
"""

import html
import json
import re
import sys
import urllib.error
import urllib.request
import zipfile
import zlib

FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("  " + message)


def members(data):
    """Yields (offset, length, decompressed) for each gzip member of data."""
    offset = 0
    while offset < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        text = d.decompress(data[offset:]) + d.flush()
        if not d.eof:
            raise ValueError("truncated gzip member at offset %d" % offset)
        length = len(data) - offset - len(d.unused_data)
        yield offset, length, text
        offset += length


def parse_record(text, where):
    """Splits one decompressed record into (headers, block); checks framing."""
    head, sep, rest = text.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("%s: no end of WARC headers" % where)
    lines = head.decode("utf-8").split("\r\n")
    if lines[0] != "WARC/1.1":
        raise ValueError("%s: starts with %r, not WARC/1.1" % (where, lines[0]))
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers["content-length"])
    if len(rest) != length + 4:
        raise ValueError(
            "%s: Content-Length %d but the block is %d bytes"
            % (where, length, len(rest) - 4)
        )
    if rest[length:] != b"\r\n\r\n":
        raise ValueError("%s: record does not end with two CRLFs" % where)
    return headers, rest[:length]


def read_at(data, offset, length, where):
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    text = d.decompress(data[offset : offset + length]) + d.flush()
    if not d.eof or d.unused_data:
        raise ValueError("%s: offset/length is not exactly one gzip member" % where)
    return parse_record(text, where)


def cmd_records(warc):
    data = open(warc, "rb").read()
    count = 0
    for offset, length, text in members(data):
        try:
            parse_record(text, "record at offset %d" % offset)
        except (ValueError, KeyError) as e:
            fail(str(e))
        count += 1
    print("  %d records, each one gzip member with a matching Content-Length" % count)
    if count == 0:
        fail("no records")


def load_cdxj(text, where):
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        try:
            key, ts, js = line.split(" ", 2)
            entries.append((key, ts, json.loads(js)))
        except ValueError as e:
            fail("%s line %d: %s" % (where, n, e))
    return entries


def check_index(text, data, where):
    lines = text.splitlines()
    if lines != sorted(lines, key=lambda l: l.encode("utf-8")):
        fail("%s is not sorted" % where)
    entries = load_cdxj(text, where)
    for key, ts, fields in entries:
        at = "%s %s" % (where, fields.get("url"))
        try:
            headers, _ = read_at(data, int(fields["offset"]), int(fields["length"]), at)
        except (ValueError, KeyError) as e:
            fail(str(e))
            continue
        if headers.get("warc-target-uri") != fields["url"]:
            fail("%s: record has WARC-Target-URI %s" % (at, headers.get("warc-target-uri")))
        if headers.get("warc-payload-digest") != fields["digest"]:
            fail("%s: digest differs from the record's" % at)
        expected_ts = headers["warc-date"].replace("-", "").replace(":", "")[:15].replace("T", "")
        if ts != expected_ts:
            fail("%s: timestamp %s but WARC-Date %s" % (at, ts, headers["warc-date"]))
    print("  %s: %d lines, sorted, each resolving to its record" % (where, len(entries)))
    return entries


def cmd_cdxj(warc, cdxj, reference):
    data = open(warc, "rb").read()
    ours = check_index(open(cdxj, encoding="utf-8").read(), data, cdxj)
    ref = load_cdxj(open(reference, encoding="utf-8").read(), "cdxj-indexer output")
    canon = lambda entries: sorted(json.dumps(e, sort_keys=True) for e in entries)
    if canon(ours) != canon(ref):
        fail("the index differs from cdxj-indexer's:")
        for line in sorted(set(canon(ours)) ^ set(canon(ref))):
            print("    " + line)
    else:
        print("  same %d entries as pywb's cdxj-indexer" % len(ref))


def read_zip(wacz):
    with zipfile.ZipFile(wacz) as z:
        infos = z.infolist()
        return infos, {i.filename: z.read(i) for i in infos}


def cmd_wacz(wacz, warc, cdxj):
    infos, files = read_zip(wacz)
    for info in infos:
        if info.compress_type != zipfile.ZIP_STORED:
            fail("%s is compressed (method %d), not STORED" % (info.filename, info.compress_type))
    print("  %d entries, all STORED" % len(infos))
    warc_name = warc.rsplit("/", 1)[-1]
    for needed in ["datapackage.json", "datapackage-digest.json", "pages/pages.jsonl",
                   "indexes/index.cdxj", "archive/" + warc_name]:
        if needed not in files:
            fail("missing entry " + needed)
    if FAILURES:
        return
    if files["archive/" + warc_name] != open(warc, "rb").read():
        fail("archive/%s differs from %s" % (warc_name, warc))
    if files["indexes/index.cdxj"] != open(cdxj, "rb").read():
        fail("indexes/index.cdxj differs from %s" % cdxj)
    entries = check_index(files["indexes/index.cdxj"].decode("utf-8"),
                          files["archive/" + warc_name], "indexes/index.cdxj")
    for _, _, fields in entries:
        if fields.get("filename") != warc_name:
            fail("index line for %s names %s" % (fields.get("url"), fields.get("filename")))
    by_url = {fields["url"]: fields for _, _, fields in entries}

    lines = files["pages/pages.jsonl"].decode("utf-8").splitlines()
    header = json.loads(lines[0]) if lines else {}
    if header.get("format") != "json-pages-1.0" or "id" not in header:
        fail("pages/pages.jsonl does not start with a json-pages-1.0 header: %r" % lines[:1])
    pages = [json.loads(l) for l in lines[1:]]
    if not pages:
        fail("pages/pages.jsonl lists no page")
    for page in pages:
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", page.get("ts", "")):
            fail("page %s: ts %r is not RFC 3339" % (page.get("url"), page.get("ts")))
        fields = by_url.get(page.get("url"))
        if not fields or fields["status"] != "200" or fields["mime"] != "text/html":
            fail("page %s is not an HTML 200 record of the index" % page.get("url"))
    print("  pages.jsonl: header and %d pages, each an HTML record of the index" % len(pages))

    package = json.loads(files["datapackage.json"])
    for key, value in [("profile", "data-package"), ("wacz_version", "1.1.1")]:
        if package.get(key) != value:
            fail("datapackage.json: %s is %r, not %r" % (key, package.get(key), value))
    for key in ["title", "created", "software", "mainPageUrl", "mainPageDate"]:
        if not package.get(key):
            fail("datapackage.json has no " + key)
    if package.get("mainPageUrl") not in by_url:
        fail("mainPageUrl %s is not in the index" % package.get("mainPageUrl"))


def cmd_pages(wacz):
    _, files = read_zip(wacz)
    for line in files["pages/pages.jsonl"].decode("utf-8").splitlines()[1:]:
        page = json.loads(line)
        print("%s\t%s" % (page["url"], page.get("title", "")))


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def title_of(body):
    m = re.search(rb"<title[^>]*>(.*?)</title", body, re.S | re.I)
    return " ".join(html.unescape(m.group(1).decode("utf-8", "replace")).split()) if m else None


def cmd_replay(prefix, wacz):
    _, files = read_zip(wacz)
    pages = [json.loads(l) for l in files["pages/pages.jsonl"].decode("utf-8").splitlines()[1:]]
    # id_ is the page as archived, mp_ the page rewritten for replay (what
    # the frame of the plain URL loads), and the plain URL the framed view.
    for page in pages:
        for mode in ["id_", "mp_", ""]:
            url = "%s%s/%s" % (prefix, mode, page["url"])
            status, headers, body = fetch(url)
            if status != 200:
                fail("%s: HTTP %d" % (url, status))
                continue
            if mode and page.get("title") and page["title"] not in (title_of(body) or ""):
                fail("%s: title %r, expected %r" % (url, title_of(body), page["title"]))
            if mode == "mp_" and "Memento-Datetime" not in headers:
                fail("%s: no Memento-Datetime header" % url)
    print("  %d pages replay with HTTP 200 (raw, rewritten with their <title>, framed)" % len(pages))
    revisits = [f for _, _, f in load_cdxj(files["indexes/index.cdxj"].decode("utf-8"), "index")
                if f["mime"] == "warc/revisit"]
    for fields in revisits:
        url = "%sid_/%s" % (prefix, fields["url"])
        status, _, body = fetch(url)
        if status != 200 or not body:
            fail("%s: HTTP %d, %d bytes" % (url, status, len(body)))
    print("  %d revisit URLs (explicit index.html) replay with HTTP 200" % len(revisits))


def cmd_tamper(path):
    data = bytearray(open(path, "rb").read())
    if not data:
        data.append(0)
    else:
        data[len(data) // 2] ^= 0x01
    open(path, "wb").write(bytes(data))


def main(argv):
    commands = {"records": (cmd_records, 1), "cdxj": (cmd_cdxj, 3), "wacz": (cmd_wacz, 3),
                "pages": (cmd_pages, 1), "replay": (cmd_replay, 2), "tamper": (cmd_tamper, 1)}
    if len(argv) < 2 or argv[1] not in commands or len(argv) - 2 != commands[argv[1]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        commands[argv[1]][0](*argv[2:])
    except Exception as e:  # report any crash as a failed check
        fail("%s: %s" % (type(e).__name__, e))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
