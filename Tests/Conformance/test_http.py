"""End to end over HTTP: kompass publishes, a real nginx serves the folder, real clients read it.

nginx runs as a process of the test (no system service): its configuration, pid file, logs and temporary folders
are under tmp_path, it listens on 127.0.0.1 only, on a free port. Its media types, charset and validators are the
lines of docs/deployment.md between `# BEGIN kompass outputs` and `# END kompass outputs`, read from the document, so
that what operators copy is what is tested; a second test serves the document's whole `server` block.

Checked: every output's Content-Type; rdflib loads the catalogue (all three forms) from its URL, choosing the parser
by the Content-Type; feedparser reads both feeds from their URLs without a problem (bozo 0); a conditional GET with
the first response's ETag and Last-Modified gets 304 after a run that changed nothing, 304 for a file a changing
run left unchanged, and 200 with a new ETag for a file the run changed; hidden files are refused.
"""

from __future__ import annotations

import grp
import http.client
import os
import pwd
import re
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import feedparser
import pytest
import rdflib

from conftest import AS_OF, CONFIG, PAGE_TEXT, PROJECT_COUNT, REPO, RUN_TIMEOUT_SECONDS, kompass_bin, require_tool

DEPLOYMENT_DOC = REPO / "docs" / "deployment.md"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
LATER = "2026-12-15"
CHANGED_ON = "2026-12-01"

# The media type every output must be served with, by extension.
MEDIA_TYPES = {
    ".rdf": "application/rdf+xml",
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".csv": "text/csv",
    ".json": "application/json",
    ".html": "text/html",
}


# --- the document's nginx lines ---------------------------------------------------------------------------------


def nginx_block_of_the_doc() -> str:
    text = DEPLOYMENT_DOC.read_text(encoding="utf-8")
    # The server block of the "nginx" section; other sections (delivery) show fragments that refer to it.
    blocks = [block for block in re.findall(r"^```nginx\n(.*?)^```", text, flags=re.S | re.M)
              if "# BEGIN kompass outputs" in block]
    assert len(blocks) == 1, f"{DEPLOYMENT_DOC.name} should have one ```nginx block with the outputs' lines, it has {len(blocks)}"
    return blocks[0]


def output_lines_of_the_doc() -> str:
    """The lines between `# BEGIN kompass outputs` and `# END kompass outputs` of the document's nginx block."""
    block = nginx_block_of_the_doc()
    found = re.search(r"^[ \t]*# BEGIN kompass outputs[^\n]*\n(.*?)^[ \t]*# END kompass outputs", block, flags=re.S | re.M)
    assert found, f"the nginx block of {DEPLOYMENT_DOC.name} has no `# BEGIN kompass outputs` … `# END kompass outputs`"
    lines = found.group(1)
    types = re.search(r"\btypes\s*\{(.*?)\}", lines, flags=re.S)
    assert types, "the kompass lines of the nginx block have no `types { … }` block"
    declared = {}
    for entry in types.group(1).split(";"):
        words = entry.split()
        for extension in words[1:]:
            declared["." + extension] = words[0]
    missing = {ext: media for ext, media in MEDIA_TYPES.items() if declared.get(ext) != media}
    assert not missing, f"the types block does not map these extensions as required: {missing}"
    for directive in (r"charset\s+utf-8\s*;", r"charset_types\s[^;]*\btext/csv\b[^;]*;", r"etag\s+on\s*;", r"deny\s+all\s*;"):
        assert re.search(directive, lines), f"the kompass lines of the nginx block lack `{directive}`"
    return lines


# --- nginx as a process of the test -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_version() -> str:
    result = subprocess.run([require_tool("nginx"), "-v"], capture_output=True, text=True, timeout=30)
    return (result.stderr or result.stdout).strip()


@contextmanager
def nginx(prefix: Path, server: str) -> Iterator[int]:
    """Runs nginx with `server` (a server block whose listen line is `listen 127.0.0.1:{port};`) until the block
    ends; yields the port."""
    binary = require_tool("nginx")
    prefix.mkdir(parents=True, exist_ok=True)
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / name).mkdir(parents=True, exist_ok=True)
    # As root, the workers would switch to `nobody`, who cannot read pytest's private temporary folders.
    user = ""
    if os.geteuid() == 0:
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
    last_error = ""
    for _attempt in range(3):  # another process may take the free port first
        port = free_port()
        configuration = prefix / "nginx.conf"
        configuration.write_text(f"""
{user}
worker_processes 1;
daemon off;
master_process on;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/temp/client_body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    sendfile on;
{server.replace("{port}", str(port))}
}}
""", encoding="utf-8")
        process = subprocess.Popen([binary, "-e", str(prefix / "error.log"), "-p", str(prefix), "-c", str(configuration)],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        listening = False
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    listening = True
                    break
            except OSError:
                time.sleep(0.05)
        if listening:
            break
        if process.poll() is None:
            process.kill()
        output = process.communicate(timeout=10)[0].decode(errors="replace")
        log = (prefix / "error.log").read_text(errors="replace") if (prefix / "error.log").exists() else ""
        last_error = f"{output}\n{log[-3000:]}"
        if "Address already in use" not in last_error:
            break
    else:
        pytest.fail(f"nginx did not start:\n{last_error}", pytrace=False)
    if not listening:
        pytest.fail(f"nginx did not start:\n{last_error}", pytrace=False)
    try:
        yield port
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def __repr__(self) -> str:
        return f"<{self.status} {self.headers}>"


def get(port: int, path: str, headers: dict[str, str] | None = None) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


# --- kompass ----------------------------------------------------------------------------------------------------


def publish(output: Path, as_of: str, *extra: str) -> None:
    binary = kompass_bin()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(f"kompass binary not found or not executable: {binary} (swift build)", pytrace=False)
    command = [str(binary), "run", "--config", str(CONFIG), "--output", str(output), "--as-of", as_of, *extra]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"`{' '.join(command)}` exited {result.returncode}\n{result.stderr[-3000:]}"


def changed_page_text(tmp_path: Path) -> Path:
    lines = PAGE_TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[14] == "30%", "line 15 of the page text is digital-lab's progress, 30%"
    lines[14] = "40%"
    path = tmp_path / "page-text-40.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def media_type(value: str) -> str:
    return value.split(";")[0].strip().lower()


def conditional(first: Response) -> dict[str, str]:
    return {"If-None-Match": first.headers["etag"], "If-Modified-Since": first.headers["last-modified"]}


# --- the tests --------------------------------------------------------------------------------------------------


def test_outputs_over_http_with_nginx(tmp_path: Path) -> None:
    output = tmp_path / "out"
    publish(output, AS_OF)
    published_at = time.time()
    server = f"""
    server {{
        listen 127.0.0.1:{{port}};
        server_name localhost;
        root {output};
        location / {{
{output_lines_of_the_doc()}
        }}
    }}"""
    print(nginx_version())
    with nginx(tmp_path / "nginx", server) as port:
        base = f"http://127.0.0.1:{port}"

        # Every output, with its media type and its bytes.
        files = sorted(p.name for p in output.iterdir())
        first: dict[str, Response] = {}
        for name in files:
            extension = Path(name).suffix
            assert extension in MEDIA_TYPES, f"{name}: no media type is known for {extension} outputs"
            response = get(port, f"/{name}")
            assert response.status == 200, f"{name}: {response}"
            assert media_type(response.headers.get("content-type", "")) == MEDIA_TYPES[extension], \
                f"{name} is served as {response.headers.get('content-type')!r}, not {MEDIA_TYPES[extension]}"
            assert response.body == (output / name).read_bytes(), f"{name}: the body is not the file"
            assert response.headers.get("etag") and response.headers.get("last-modified"), f"{name}: {response}"
            first[name] = response
        for name in files:
            if name.endswith(".csv"):
                content_type = first[name].headers["content-type"].replace(" ", "").lower()
                assert content_type == "text/csv;charset=utf-8", \
                    f"{name} is served as {first[name].headers['content-type']!r}, not 'text/csv; charset=utf-8'"
        for name in ("catalog.rdf", "catalog.ttl", "catalog.jsonld", "projects.jsonld", "context.jsonld",
                     "changes.rss", "changes.atom", "projects.csv", "index.html"):
            assert name in first, f"{name} is not published"
        landing = get(port, "/")
        assert landing.status == 200 and media_type(landing.headers["content-type"]) == "text/html"

        # rdflib chooses its parser by the Content-Type: the catalogue in each form, from its URL.
        graphs = {}
        for name in ("catalog.rdf", "catalog.ttl", "catalog.jsonld"):
            graph = rdflib.Graph().parse(f"{base}/{name}")
            catalogues = list(graph.subjects(rdflib.RDF.type, DCAT.Catalog))
            assert len(catalogues) == 1, f"{name} read over HTTP: {len(catalogues)} dcat:Catalog, {len(graph)} triples"
            assert len(list(graph.subjects(rdflib.RDF.type, DCAT.Distribution))) > 0
            graphs[name] = graph
        assert all(len(graph) == len(graphs["catalog.rdf"]) for graph in graphs.values()), \
            {name: len(graph) for name, graph in graphs.items()}

        # feedparser reads both feeds from their URLs.
        for name, media in (("changes.rss", "application/rss+xml"), ("changes.atom", "application/atom+xml")):
            feed = feedparser.parse(f"{base}/{name}")
            assert feed.bozo == 0, f"{name} over HTTP: {feed.get('bozo_exception')!r}"
            assert feed.status == 200 and media_type(feed.headers["content-type"]) == media
            assert len(feed.entries) == PROJECT_COUNT

        # A run that changes nothing: every conditional GET gets 304.
        publish(output, LATER)
        for name in files:
            again = get(port, f"/{name}", conditional(first[name]))
            assert again.status == 304, f"{name} after a run that changed nothing: {again}"
            assert get(port, f"/{name}", {"If-None-Match": first[name].headers["etag"]}).status == 304

        # A run with one change, at least a second later (nginx's ETag and Last-Modified count whole seconds).
        time.sleep(max(0.0, 1.2 - (time.time() - published_at)))
        publish(output, CHANGED_ON, "--source", str(changed_page_text(tmp_path)))
        for name in ("changes.rss", "changes.atom", "projects.csv", "history.csv", "catalog.rdf"):
            changed = get(port, f"/{name}", conditional(first[name]))
            assert changed.status == 200, f"{name}, changed by the run, answered {changed}"
            assert changed.headers["etag"] != first[name].headers["etag"], f"{name}: same ETag for new content"
            assert changed.body == (output / name).read_bytes() != first[name].body
        for name in ("context.jsonld", "project-fields.csv", "datapackage.json"):
            assert (output / name).read_bytes() == first[name].body, f"{name} was expected to stay the same"
            unchanged = get(port, f"/{name}", conditional(first[name]))
            assert unchanged.status == 304, f"{name}, unchanged in a run that changed other files, answered {unchanged}"
        feed = feedparser.parse(f"{base}/changes.rss")
        assert feed.bozo == 0 and len(feed.entries) == PROJECT_COUNT + 1

        # Hidden files and the state are never served.
        probe = output / ".probe"
        probe.write_text("not for the web\n", encoding="utf-8")
        try:
            assert get(port, "/.probe").status == 403
        finally:
            probe.unlink()
        for path in (f"/{output.name}-kompass-state/state.json", f"/../{output.name}-kompass-state/state.json",
                     f"/%2e%2e/{output.name}-kompass-state/state.json"):
            response = get(port, path)
            assert response.status in (400, 403, 404) and b'"files"' not in response.body, f"{path}: {response}"


def test_the_documented_server_block_serves_the_outputs(tmp_path: Path) -> None:
    """The document's whole `server` block, with its listen line and output folder replaced, serves the outputs
    under the base URL's path."""
    output = tmp_path / "out"
    publish(output, AS_OF)
    block = nginx_block_of_the_doc()
    assert "alias /srv/kompass/output/;" in block and re.search(r"^\s*listen 443 ssl;", block, flags=re.M)
    server = re.sub(r"^(\s*)listen 443 ssl;", r"\1listen 127.0.0.1:{port};", block, flags=re.M)
    server = server.replace("alias /srv/kompass/output/;", f"alias {output}/;")
    with nginx(tmp_path / "nginx", server) as port:
        for name in ("catalog.rdf", "projects.csv", "changes.rss", "projects.jsonld"):
            response = get(port, f"/kompass/{name}")
            assert response.status == 200 and response.body == (output / name).read_bytes(), f"{name}: {response}"
            assert media_type(response.headers["content-type"]) == MEDIA_TYPES[Path(name).suffix], response
        assert get(port, "/kompass/projects.csv").headers["content-type"].replace(" ", "").lower() == "text/csv;charset=utf-8"
        landing = get(port, "/kompass/")
        assert landing.status == 200 and landing.body == (output / "index.html").read_bytes()
        assert get(port, "/kompass").status == 301
        (output / ".probe").write_text("hidden\n", encoding="utf-8")
        try:
            assert get(port, "/kompass/.probe").status == 403
        finally:
            (output / ".probe").unlink()
