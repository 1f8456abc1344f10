"""Fetching URLs and feeds against a real HTTP server on 127.0.0.1.

Every test that reaches the network talks to the local server only. Tests about other hosts use a
fake resolver and an ``httpx.MockTransport`` client, so no packet leaves the machine; the tests of
refusals also check that nothing was sent at all.
"""

from __future__ import annotations

import functools
import gzip
import socket
import ssl
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from recoupe.errors import Code, IngestError
from recoupe.ingest.fetch import (
    Fetched,
    FetchPolicy,
    address_problem,
    check_host,
    fetch,
    media_type,
)
from recoupe.ingest.urls import read_url
from recoupe.model import Failure, Hints, Kind, RawDocument

LOCAL = FetchPolicy(allow_private=True, timeout=0.5, max_bytes=100_000, max_redirects=5)
STRICT = FetchPolicy(allow_private=False, timeout=0.5, max_bytes=100_000, max_redirects=5)
PUBLIC_IP = "93.184.215.14"  # never contacted: only a fake resolver answers with it

ARTICLE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Grève à la SNCF : trafic très perturbé</title>
</head><body><nav>Accueil | Politique | Économie</nav>
<article><h1>Grève à la SNCF : trafic très perturbé jeudi</h1>
<p class="byline">Par Élodie Martin, le 14 mars 2024</p>
<p>Les syndicats de cheminots ont appelé à une grève reconductible à partir de jeudi. Selon la
direction, seul un TGV sur deux circulera sur l'axe Paris–Lyon, et les TER seront très
perturbés en Auvergne-Rhône-Alpes.</p>
<p>« Nous demandons l'ouverture de négociations sur les salaires », a déclaré un responsable
syndical à l'Agence France-Presse.</p></article>
<footer>© 2024 Le Quotidien du Rail</footer></body></html>
""".encode()

CP1252_TEXT = "<html><body><p>L’été à Nîmes : « déjà 38 °C » — Météo-France</p></body></html>"
CP1252 = CP1252_TEXT.encode("cp1252")


def _article(number: int) -> bytes:
    return (
        f"<html><body><article><h1>Article {number}</h1><p>Texte de l'article numéro {number}, "
        "publié par la rédaction.</p></article></body></html>"
    ).encode()


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Le Quotidien — Économie</title><link>{base}/</link><description>Flux</description>
<item><title>Premier article</title><link>{base}/articles/1</link>
<dc:creator>Élodie Martin</dc:creator><pubDate>Thu, 14 Mar 2024 08:30:00 +0100</pubDate></item>
<item><title>Lien cassé</title><link>{base}/missing</link>
<pubDate>Thu, 14 Mar 2024 09:00:00 +0100</pubDate></item>
<item><title>Deuxième article</title><link>{base}/articles/2</link>
<pubDate>Fri, 15 Mar 2024 10:00:00 +0000</pubDate></item>
</channel></rss>""".encode()


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Daily Wire Service</title><id>urn:feed</id><updated>2024-03-16T12:00:00Z</updated>
<entry><title>Third story</title><id>urn:3</id><link href="/articles/3"/>
<author><name>Jane Doe</name></author><updated>2024-03-16T11:00:00Z</updated></entry>
<entry><title>A picture</title><id>urn:img</id><link href="/image"/>
<updated>2024-03-16T11:30:00Z</updated></entry>
<entry><title>No link at all</title><id>urn:none</id><updated>2024-03-16T11:45:00Z</updated></entry>
<entry><title>Fourth story</title><id>urn:4</id><link rel="alternate" href="/articles/4"/>
<published>2024-03-15T07:00:00Z</published><updated>2024-03-16T07:00:00Z</updated></entry>
</feed>"""

# A self-signed certificate for the name news.test only (valid until 2126), for the TLS tests.
TEST_CERT = """-----BEGIN CERTIFICATE-----
MIIBkzCCATigAwIBAgIUNPlqYDnfeFQabykZ9zGT+ofminEwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbmV3cy50ZXN0MCAXDTI2MTEyMzA5MDYxNloYDzIxMjYxMDMw
MDkwNjE2WjAUMRIwEAYDVQQDDAluZXdzLnRlc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATJYmENLRkct8wZVIZbuThi50UvfpOnGwNegqh0gAHCB1k6hDBFKiWI
ZNuixq4z67ZVgkTYqkxIjayfItJ1r4Oxo2YwZDAdBgNVHQ4EFgQU/VzRHVhXikFj
4kuUOZVdV1gd5cgwHwYDVR0jBBgwFoAU/VzRHVhXikFj4kuUOZVdV1gd5cgwFAYD
VR0RBA0wC4IJbmV3cy50ZXN0MAwGA1UdEwEB/wQCMAAwCgYIKoZIzj0EAwIDSQAw
RgIhAOcYICraSBlq3Np/n3r7iRU9uf6bdDF8UiJZlH4/X2woAiEA3x0+1GiHfANa
EoeeyG78WoNllprKYzcA+Ygfc8Pf3YQ=
-----END CERTIFICATE-----
"""
TEST_KEY = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmNjoghbfKVr2r+cg
g6HvdzyZjEoEWqyGpPin4bDXesOhRANCAATJYmENLRkct8wZVIZbuThi50UvfpOn
GwNegqh0gAHCB1k6hDBFKiWIZNuixq4z67ZVgkTYqkxIjayfItJ1r4Ox
-----END PRIVATE KEY-----
"""

EMPTY_RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Rien</title>
<link>http://x/</link><description>vide</description></channel></rss>"""


@dataclass
class Server:
    base: str
    port: int
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # path, host, user agent


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str | None, **headers: str) -> None:
        self.send_response(status)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        srv = self.server
        srv.record.requests.append(
            (self.path, self.headers.get("Host", ""), self.headers.get("User-Agent", ""))
        )
        path = self.path
        base = srv.record.base
        if path == "/article":
            self._send(200, ARTICLE, "text/html; charset=utf-8")
        elif path.startswith("/articles/"):
            self._send(200, _article(int(path.rsplit("/", 1)[1])), "text/html")
        elif path == "/cp1252":
            self._send(200, CP1252, "text/html; charset=windows-1252")
        elif path == "/plain":
            self._send(200, "Dépêche AFP\n\nTexte brut.".encode(), "text/plain; charset=utf-8")
        elif path == "/doc.pdf":
            self._send(200, b"%PDF-1.4\n% not a real pdf\n", "application/pdf")
        elif path == "/no-type":
            self._send(200, ARTICLE, None)
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            if left == 0:
                self._send(200, ARTICLE, "text/html")
            else:
                self._send(302, b"", "text/plain", Location=f"/hops/{left - 1}")
        elif path == "/absolute-redirect":
            self._send(301, b"", None, Location=f"{base}/article")
        elif path == "/redirect-to-ftp":
            self._send(302, b"", None, Location="ftp://127.0.0.1/file")
        elif path == "/missing":
            self._send(404, b"<h1>Not found</h1>", "text/html")
        elif path == "/boom":
            self._send(503, b"down", "text/plain")
        elif path == "/huge":
            self._send(200, b"a" * 1_000_000, "text/plain")
        elif path == "/huge-stream":  # no Content-Length: HTTP/1.0, ends when the socket closes
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"b" * 10_000)
        elif path == "/bomb":
            packed = gzip.compress(b"\0" * 5_000_000)
            self._send(200, packed, "text/html", Content_Encoding="gzip")
        elif path == "/gzip":
            self._send(200, gzip.compress(ARTICLE), "text/html", Content_Encoding="gzip")
        elif path == "/gzip-gzip":
            packed = gzip.compress(gzip.compress(ARTICLE))
            self._send(200, packed, "text/html", Content_Encoding="gzip, gzip")
        elif path == "/bomb-gzip-gzip":  # under 1 KB on the wire, 300 MB once decoded
            self._send(200, _stacked_bomb(), "text/html", Content_Encoding="gzip, gzip")
        elif path == "/brotli":
            self._send(200, b"\x0b\x02\x80abc\x03", "text/html", Content_Encoding="br")
        elif path == "/drip":  # one byte every 0.2 s: never silent for a whole time-out
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for byte in ARTICLE[:40]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif path == "/octet":
            self._send(200, b"\0\1\2", "application/octet-stream")
        elif path == "/slow":
            srv.release.wait(5)
            self._send(200, ARTICLE, "text/html")
        elif path == "/echo-host":
            self._send(200, self.headers.get("Host", "").encode(), "text/plain")
        elif path == "/feed.rss":
            self._send(200, _rss(base), "application/rss+xml; charset=utf-8")
        elif path == "/feed.atom":  # generic XML type: recognised by its root
            self._send(200, ATOM, "application/xml")
        elif path == "/empty.rss":
            self._send(200, EMPTY_RSS, "application/rss+xml")
        elif path == "/data.xml":
            self._send(200, b"<?xml version='1.0'?><catalog><book/></catalog>", "text/xml")
        else:
            self._send(404, b"no such page", "text/plain")


@functools.cache
def _stacked_bomb() -> bytes:
    inner = zlib.compressobj(wbits=31)
    block = b"\0" * 1_000_000
    packed = b"".join(inner.compress(block) for _ in range(300)) + inner.flush()
    return gzip.compress(packed)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hang up on purpose (time-outs, size caps): nothing to report

    def __init__(self, handler: type[_Handler] = _Handler) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        port = self.server_address[1]
        self.record = Server(base=f"http://127.0.0.1:{port}", port=port)
        self.release = threading.Event()


class _KeepAliveHandler(_Handler):
    protocol_version = "HTTP/1.1"


def _serve(httpd: _Server) -> Iterator[Server]:
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield httpd.record
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(2)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    yield from _serve(_Server())


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, list[str]]]:
    """An HTTPS server with keep-alive, for news.test; it records the SNI names it is sent."""
    folder = tmp_path_factory.mktemp("tls")
    (folder / "cert.pem").write_text(TEST_CERT)
    (folder / "key.pem").write_text(TEST_KEY)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    names: list[str] = []

    def on_sni(sock: ssl.SSLObject, name: str | None, ctx: ssl.SSLContext) -> None:
        names.append(name or "")

    context.sni_callback = on_sni
    httpd = _Server(_KeepAliveHandler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    for record in _serve(httpd):
        yield record, names


def _code(excinfo: pytest.ExceptionInfo[IngestError]) -> str:
    return excinfo.value.code


def _no_resolver(host: str) -> list[str]:
    raise AssertionError(f"resolver must not be called (asked for {host})")


class NoTraffic:
    """An httpx client transport that fails the test when anything is sent."""

    def __init__(self) -> None:
        self.sent: list[httpx.Request] = []

    def client(self) -> httpx.Client:
        def handler(request: httpx.Request) -> httpx.Response:
            self.sent.append(request)
            raise AssertionError(f"nothing may be sent, yet {request.url} was requested")

        return httpx.Client(transport=httpx.MockTransport(handler))


def _fake_resolver(table: dict[str, list[str]], calls: list[str]) -> Callable[[str], list[str]]:
    def resolve(host: str) -> list[str]:
        calls.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return table[host]

    return resolve


# --- pages ----------------------------------------------------------------------------------


def test_fetches_a_french_article(server: Server) -> None:
    got = fetch(f"{server.base}/article", policy=LOCAL)
    assert got.status == 200
    assert got.body == ARTICLE
    assert "Grève à la SNCF".encode() in got.body
    assert got.content_type == "text/html"
    assert got.headers["content-type"] == "text/html; charset=utf-8"
    assert got.url == got.final_url == f"{server.base}/article"
    stamp = datetime.fromisoformat(got.fetched_at)
    assert stamp.utcoffset() is not None and stamp.utcoffset() == UTC.utcoffset(None)
    assert abs((datetime.now(UTC) - stamp).total_seconds()) < 60
    path, host, agent = server.requests[-1]
    assert (path, host) == ("/article", f"127.0.0.1:{server.port}")
    assert agent.startswith("recoupe/")


def test_windows_1252_page_keeps_bytes_and_charset(server: Server) -> None:
    got = fetch(f"{server.base}/cp1252", policy=LOCAL)
    assert got.body == CP1252
    assert got.body.decode("cp1252") == CP1252_TEXT
    assert got.content_type == "text/html"
    assert "charset=windows-1252" in got.headers["content-type"]


def test_gzip_body_is_decoded(server: Server) -> None:
    got = fetch(f"{server.base}/gzip", policy=LOCAL)
    assert got.body == ARTICLE
    assert got.headers["content-encoding"] == "gzip"


def test_media_type_parsing() -> None:
    assert media_type("Text/HTML; charset=UTF-8") == "text/html"
    assert media_type("  application/rss+xml ") == "application/rss+xml"
    assert media_type("") is None
    assert media_type(None) is None


# --- redirects ------------------------------------------------------------------------------


def test_one_redirect_is_followed(server: Server) -> None:
    got = fetch(f"{server.base}/hops/1", policy=LOCAL)
    assert got.url == f"{server.base}/hops/1"
    assert got.final_url == f"{server.base}/hops/0"
    assert got.body == ARTICLE


def test_redirects_up_to_the_limit_are_followed(server: Server) -> None:
    got = fetch(f"{server.base}/hops/5", policy=LOCAL)
    assert got.final_url == f"{server.base}/hops/0"


def test_absolute_redirect_is_followed(server: Server) -> None:
    got = fetch(f"{server.base}/absolute-redirect", policy=LOCAL)
    assert got.final_url == f"{server.base}/article"


def test_too_many_redirects(server: Server) -> None:
    before = len(server.requests)
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}/hops/6", policy=LOCAL)
    assert _code(excinfo) == Code.TOO_MANY_REDIRECTS
    assert len(server.requests) - before == 6  # the 7th hop is never requested


def test_redirect_to_non_http_scheme_is_refused(server: Server) -> None:
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}/redirect-to-ftp", policy=LOCAL)
    assert _code(excinfo) == Code.BAD_URL


def test_redirect_from_public_host_to_loopback_is_refused(server: Server) -> None:
    calls: list[str] = []
    resolve = _fake_resolver({"news.example": [PUBLIC_IP]}, calls)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(302, headers={"Location": f"{server.base}/article"})

    before = len(server.requests)
    client = httpx.Client(transport=httpx.MockTransport(handler))
    with client, pytest.raises(IngestError) as excinfo:
        fetch("http://news.example/story", policy=STRICT, client=client, resolve=resolve)
    assert _code(excinfo) == Code.PRIVATE_ADDRESS
    assert "--allow-private" in excinfo.value.message
    assert len(seen) == 1 and calls == ["news.example"]
    assert len(server.requests) == before  # the loopback server was never contacted


def test_redirect_to_metadata_service_by_name_is_refused() -> None:
    calls: list[str] = []
    table = {"news.example": [PUBLIC_IP], "metadata.example": ["169.254.169.254"]}
    resolve = _fake_resolver(table, calls)

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.host == PUBLIC_IP
        return httpx.Response(301, headers={"Location": "http://metadata.example/latest/"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with client, pytest.raises(IngestError) as excinfo:
        fetch("http://news.example/", policy=STRICT, client=client, resolve=resolve)
    assert _code(excinfo) == Code.PRIVATE_ADDRESS
    assert calls == ["news.example", "metadata.example"]


# --- DNS rebinding: the request goes to the address that was checked ------------------------


def test_request_is_pinned_to_the_checked_address() -> None:
    answers = iter([[PUBLIC_IP], ["127.0.0.1"]])  # a rebinding resolver: public, then loopback
    calls: list[str] = []

    def resolve(host: str) -> list[str]:
        calls.append(host)
        return next(answers)

    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, headers={"Content-Type": "text/html"}, stream=httpx.ByteStream(ARTICLE)
        )

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        got = fetch("https://news.example/a?b=1", policy=STRICT, client=client, resolve=resolve)
    assert calls == ["news.example"]  # resolved once: no second look-up to rebind
    (request,) = seen
    assert request.url.host == PUBLIC_IP
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert request.headers["connection"] == "close"
    assert got.final_url == "https://news.example/a?b=1"


def test_https_is_pinned_with_sni_and_certificate_checked_for_the_name(
    tls_server: tuple[Server, list[str]],
) -> None:
    srv, names = tls_server
    resolve = _fake_resolver({"news.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]}, [])
    trust = ssl.create_default_context(cadata=TEST_CERT)
    with httpx.Client(verify=trust) as client:  # a pool with keep-alive: reuse must not happen
        got = fetch(
            f"https://news.test:{srv.port}/echo-host", policy=LOCAL, client=client, resolve=resolve
        )
        assert got.body == f"news.test:{srv.port}".encode()
        assert names == ["news.test"]
        # Same IP and port, other name: a new TLS handshake, and the certificate does not match.
        with pytest.raises(IngestError) as excinfo:
            fetch(f"https://other.test:{srv.port}/", policy=LOCAL, client=client, resolve=resolve)
    assert _code(excinfo) == Code.UNREACHABLE
    assert "certificate" in excinfo.value.message
    assert names == ["news.test", "other.test"]


def test_pinned_request_reaches_the_local_server_with_the_original_host(server: Server) -> None:
    resolve = _fake_resolver({"news.test": ["127.0.0.1"]}, [])
    got = fetch(f"http://news.test:{server.port}/echo-host", policy=LOCAL, resolve=resolve)
    assert got.body == f"news.test:{server.port}".encode()
    assert got.final_url == f"http://news.test:{server.port}/echo-host"


def test_next_checked_address_is_tried_when_one_refuses(server: Server) -> None:
    # 127.0.0.2 is loopback too, but the server listens on 127.0.0.1 only.
    resolve = _fake_resolver({"twice.test": ["127.0.0.2", "127.0.0.1"]}, [])
    got = fetch(f"http://twice.test:{server.port}/article", policy=LOCAL, resolve=resolve)
    assert got.body == ARTICLE


# --- address policy: refused before any traffic ---------------------------------------------


def test_loopback_server_is_refused_without_allow_private(server: Server) -> None:
    before = len(server.requests)
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}/article", policy=STRICT)
    assert _code(excinfo) == Code.PRIVATE_ADDRESS
    assert "--allow-private" in excinfo.value.message
    assert len(server.requests) == before


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost/",
        "http://LOCALHOST./",
        "http://admin.localhost:8080/",
        "http://0.0.0.0/",
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[fe80::1]/",
        "https://192.168.1.1/admin",
        "http://100.64.0.1/",
    ],
)
def test_private_hosts_are_refused_without_traffic(url: str) -> None:
    watch = NoTraffic()
    with watch.client() as client, pytest.raises(IngestError) as excinfo:
        fetch(url, policy=STRICT, client=client, resolve=_no_resolver)
    assert _code(excinfo) == Code.PRIVATE_ADDRESS
    assert "--allow-private" in excinfo.value.message
    assert watch.sent == []


def test_name_with_any_private_address_is_refused_without_traffic() -> None:
    calls: list[str] = []
    resolve = _fake_resolver({"mixed.example": [PUBLIC_IP, "10.0.0.5"]}, calls)
    watch = NoTraffic()
    with watch.client() as client, pytest.raises(IngestError) as excinfo:
        fetch("http://mixed.example/", policy=STRICT, client=client, resolve=resolve)
    assert _code(excinfo) == Code.PRIVATE_ADDRESS
    assert "10.0.0.5" in excinfo.value.message
    assert calls == ["mixed.example"] and watch.sent == []


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.0.10", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("0.0.0.0", True),
        ("224.0.0.251", True),
        ("240.0.0.1", True),
        ("255.255.255.255", True),
        ("::1", True),
        ("::", True),
        ("fe80::1", True),
        ("fd00::1", True),
        ("ff02::1", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:192.168.0.1", True),
        ("2002:7f00:1::1", True),  # 6to4 of 127.0.0.1
        ("2002:a00:1::1", True),  # 6to4 of 10.0.0.1
        ("64:ff9b::a00:1", True),  # NAT64 of 10.0.0.1
        ("not an ip", True),
        (PUBLIC_IP, False),
        ("1.1.1.1", False),
        ("::ffff:1.1.1.1", False),
        ("64:ff9b::101:101", False),  # DNS64 answer for 1.1.1.1 on an IPv6-only network
        ("2606:4700:4700::1111", False),
    ],
)
def test_address_problem(address: str, refused: bool) -> None:
    assert (address_problem(address) is not None) is refused


def test_check_host_returns_checked_addresses() -> None:
    resolve = _fake_resolver({"news.example": [PUBLIC_IP, "2606:4700:4700::1111"]}, [])
    found = check_host("news.example", allow_private=False, resolve=resolve)
    assert found == [PUBLIC_IP, "2606:4700:4700::1111"]
    local = _fake_resolver({"intranet.example": ["10.0.0.2"]}, [])
    assert check_host("intranet.example", allow_private=True, resolve=local) == ["10.0.0.2"]
    with pytest.raises(IngestError) as excinfo:
        check_host("intranet.example", allow_private=False, resolve=local)
    assert _code(excinfo) == Code.PRIVATE_ADDRESS


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "file:///etc/passwd", "example.com/page", "http:///nohost"]
)
def test_non_http_urls_are_refused(url: str) -> None:
    watch = NoTraffic()
    with watch.client() as client, pytest.raises(IngestError) as excinfo:
        fetch(url, policy=STRICT, client=client, resolve=_no_resolver)
    assert _code(excinfo) == Code.BAD_URL
    assert watch.sent == []


# --- unreachable ----------------------------------------------------------------------------


def test_closed_port_is_unreachable() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(IngestError) as excinfo:
        fetch(f"http://127.0.0.1:{port}/", policy=LOCAL)
    assert _code(excinfo) == Code.UNREACHABLE


def test_invalid_tld_is_unreachable_at_once() -> None:
    watch = NoTraffic()
    start = time.monotonic()
    with watch.client() as client, pytest.raises(IngestError) as excinfo:
        fetch("http://nothing-here.invalid/", policy=LOCAL, client=client, resolve=_no_resolver)
    assert _code(excinfo) == Code.UNREACHABLE
    assert time.monotonic() - start < 0.5
    assert watch.sent == []


def test_dns_failure_is_unreachable() -> None:
    resolve = _fake_resolver({}, [])
    with pytest.raises(IngestError) as excinfo:
        fetch("http://no-such-host.example/", policy=STRICT, resolve=resolve)
    assert _code(excinfo) == Code.UNREACHABLE


def test_slow_dns_is_given_up_on() -> None:
    def resolve(host: str) -> list[str]:
        time.sleep(3)
        return [PUBLIC_IP]

    start = time.monotonic()
    with pytest.raises(IngestError) as excinfo:
        check_host("slow.example", allow_private=False, resolve=resolve, timeout=0.2)
    assert _code(excinfo) == Code.UNREACHABLE
    assert time.monotonic() - start < 1.0


def test_a_server_dripping_bytes_is_given_up_on_at_the_deadline(server: Server) -> None:
    policy = FetchPolicy(allow_private=True, timeout=0.5, deadline=1.0, max_bytes=100_000)
    start = time.monotonic()
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}/drip", policy=policy)
    assert _code(excinfo) == Code.UNREACHABLE and "in all" in excinfo.value.message
    assert time.monotonic() - start < 2.5


def test_stacked_codings_are_undone_and_their_bomb_stopped_in_bounded_memory(
    server: Server,
) -> None:
    got = fetch(f"{server.base}/gzip-gzip", policy=LOCAL)
    assert got.body == ARTICLE
    assert len(_stacked_bomb()) < 2_000
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as excinfo:
            fetch(f"{server.base}/bomb-gzip-gzip", policy=LOCAL)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _code(excinfo) == Code.TOO_LARGE
    assert peak < 5_000_000  # the cap (100 KB) and a few 64 KiB steps, not 300 MB
    with pytest.raises(IngestError) as unknown:
        fetch(f"{server.base}/brotli", policy=LOCAL)
    assert _code(unknown) == Code.HTTP_ERROR and "br" in unknown.value.message


def test_slow_server_times_out(server: Server) -> None:
    start = time.monotonic()
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}/slow", policy=LOCAL)
    assert _code(excinfo) == Code.UNREACHABLE
    assert time.monotonic() - start < 2.0


# --- status, size, type ---------------------------------------------------------------------


@pytest.mark.parametrize(("path", "status"), [("/missing", "404"), ("/boom", "503")])
def test_error_status(server: Server, path: str, status: str) -> None:
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}{path}", policy=LOCAL)
    assert _code(excinfo) == Code.HTTP_ERROR
    assert status in excinfo.value.message


@pytest.mark.parametrize("path", ["/huge", "/huge-stream", "/bomb"])
def test_body_over_the_cap_is_too_large(server: Server, path: str) -> None:
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}{path}", policy=LOCAL)
    assert _code(excinfo) == Code.TOO_LARGE


def test_body_under_a_larger_cap_is_read(server: Server) -> None:
    policy = FetchPolicy(allow_private=True, timeout=2.0, max_bytes=2_000_000)
    assert len(fetch(f"{server.base}/huge-stream", policy=policy).body) == 1_000_000


@pytest.mark.parametrize("path", ["/image", "/octet"])
def test_non_document_content_type_is_refused(server: Server, path: str) -> None:
    with pytest.raises(IngestError) as excinfo:
        fetch(f"{server.base}{path}", policy=LOCAL)
    assert _code(excinfo) == Code.BAD_CONTENT_TYPE


def test_missing_content_type_is_accepted(server: Server) -> None:
    got = fetch(f"{server.base}/no-type", policy=LOCAL)
    assert got.content_type is None and got.body == ARTICLE


# --- read_url: pages ------------------------------------------------------------------------


def _docs(items: list[RawDocument | Failure]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def _failures(items: list[RawDocument | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/article", Kind.HTML),
        ("/cp1252", Kind.HTML),
        ("/plain", Kind.PLAIN),
        ("/doc.pdf", Kind.PDF),
        ("/no-type", Kind.HTML),
    ],
)
def test_read_url_page_kinds(server: Server, path: str, kind: Kind) -> None:
    hints = Hints(record_id="r1", source="Le Quotidien", language="fr")
    (doc,) = list(read_url(f"{server.base}{path}", policy=LOCAL, hints=hints))
    assert isinstance(doc, RawDocument)
    assert doc.kind is kind
    assert doc.origin == doc.url == f"{server.base}{path}"
    assert doc.hints == hints
    assert doc.headers["content-length"] == str(len(doc.data))
    assert doc.fetched_at


def test_read_url_page_after_redirect(server: Server) -> None:
    (doc,) = list(read_url(f"{server.base}/hops/2", policy=LOCAL, hints=Hints()))
    assert isinstance(doc, RawDocument)
    assert doc.origin == f"{server.base}/hops/2"
    assert doc.url == f"{server.base}/hops/0"
    assert doc.content_type == "text/html" and doc.data == ARTICLE


@pytest.mark.parametrize(
    ("path", "code", "policy"),
    [
        ("/missing", Code.HTTP_ERROR, LOCAL),
        ("/image", Code.BAD_CONTENT_TYPE, LOCAL),
        ("/huge", Code.TOO_LARGE, LOCAL),
        ("/data.xml", Code.BAD_CONTENT_TYPE, LOCAL),  # XML, but not a feed
        ("/empty.rss", Code.EMPTY, LOCAL),
        ("/article", Code.PRIVATE_ADDRESS, STRICT),
    ],
)
def test_read_url_failures_are_yielded(
    server: Server, path: str, code: Code, policy: FetchPolicy
) -> None:
    url = f"{server.base}{path}"
    (item,) = list(read_url(url, policy=policy, hints=Hints()))
    assert isinstance(item, Failure)
    assert (item.origin, item.code) == (url, code)
    assert item.message


def test_read_url_bad_scheme_is_a_failure() -> None:
    (item,) = list(read_url("gopher://example.com/", policy=STRICT, hints=Hints()))
    assert isinstance(item, Failure) and item.code == Code.BAD_URL


# --- read_url: feeds ------------------------------------------------------------------------


def test_rss_feed_yields_entries_and_a_failure_for_the_broken_one(server: Server) -> None:
    items = list(read_url(f"{server.base}/feed.rss", policy=LOCAL, hints=Hints(language="fr")))
    assert [type(item) for item in items] == [RawDocument, Failure, RawDocument]
    first, second = _docs(items)
    assert first.origin == first.url == f"{server.base}/articles/1"
    assert first.data == _article(1) and first.kind is Kind.HTML
    assert first.hints == Hints(
        title="Premier article",
        source="Le Quotidien — Économie",
        author="Élodie Martin",
        published="2024-03-14",
        language="fr",
    )
    assert second.origin == f"{server.base}/articles/2"
    assert second.hints.published == "2024-03-15"
    assert second.hints.author is None
    (broken,) = _failures(items)
    assert broken.origin == f"{server.base}/missing"
    assert broken.code == Code.HTTP_ERROR and "404" in broken.message


def test_rss_feed_source_hint_wins(server: Server) -> None:
    items = list(read_url(f"{server.base}/feed.rss", policy=LOCAL, hints=Hints(source="AFP")))
    assert {doc.hints.source for doc in _docs(items)} == {"AFP"}


def test_atom_feed_served_as_xml(server: Server) -> None:
    items = list(read_url(f"{server.base}/feed.atom", policy=LOCAL, hints=Hints()))
    assert len(items) == 4
    third, fourth = _docs(items)
    assert third.origin == f"{server.base}/articles/3"  # relative links resolved on the feed URL
    assert third.hints.title == "Third story"
    assert third.hints.author == "Jane Doe"
    assert third.hints.source == "Daily Wire Service"
    assert third.hints.published == "2024-03-16"  # from <updated>
    assert fourth.hints.published == "2024-03-15"  # <published> wins over <updated>
    picture, no_link = _failures(items)
    assert picture.origin == f"{server.base}/image"
    assert picture.code == Code.BAD_CONTENT_TYPE
    assert no_link.code == Code.BAD_URL
    assert no_link.origin == f"{server.base}/feed.atom#entry-3"


def test_feed_entries_pointing_at_private_addresses_are_refused() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Public feed</title>
<link>http://news.example/</link><description>d</description>
<item><title>Fine</title><link>http://news.example/fine</link></item>
<item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link></item>
<item><title>Local</title><link>http://127.0.0.1:9/admin</link></item>
<item><title>Intranet</title><link>http://intranet.example/</link></item>
</channel></rss>"""
    resolve = _fake_resolver({"news.example": [PUBLIC_IP], "intranet.example": ["10.0.0.7"]}, [])
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.host == PUBLIC_IP
        sent.append(request.url.path)
        if request.url.path == "/feed":
            rss = {"Content-Type": "application/rss+xml"}
            return httpx.Response(200, headers=rss, stream=httpx.ByteStream(feed))
        return httpx.Response(
            200, headers={"Content-Type": "text/html"}, stream=httpx.ByteStream(_article(9))
        )

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        items = list(
            read_url(
                "http://news.example/feed",
                policy=STRICT,
                hints=Hints(),
                client=client,
                resolve=resolve,
            )
        )
    assert sent == ["/feed", "/fine"]
    (doc,) = _docs(items)
    assert doc.origin == "http://news.example/fine" and doc.hints.source == "Public feed"
    assert [f.code for f in _failures(items)] == [Code.PRIVATE_ADDRESS] * 3


def test_fetched_is_frozen(server: Server) -> None:
    got = fetch(f"{server.base}/plain", policy=LOCAL)
    assert isinstance(got, Fetched)
    with pytest.raises(AttributeError):
        got.status = 500  # type: ignore[misc]
