"""Fetching one http(s) URL safely: address checks, manual redirects, size and type caps.

:func:`fetch` is the only way recoupe reads from the network. It refuses, with a
:class:`~recoupe.errors.IngestError` carrying a :class:`~recoupe.errors.Code`:

* anything but ``http``/``https`` (``bad_url``);
* a host any of whose addresses is loopback, private, link-local, reserved, multicast,
  unspecified or otherwise not globally routable, including IPv4 addresses embedded in IPv6
  ones (IPv4-mapped, 6to4, Teredo, NAT64) — unless ``FetchPolicy.allow_private``
  (``private_address``); names under ``localhost`` are refused without being resolved;
* more than ``max_redirects`` redirects (``too_many_redirects``); every hop is checked again;
* DNS failures, refused connections and time-outs (``unreachable``); names under the
  special-use ``.invalid`` TLD fail at once, without a DNS query;
* answers with a status of 400 or more (``http_error``);
* bodies over ``max_bytes`` once decompressed, counted while streaming (``too_large``);
* content types that are not a page, a PDF or a feed (``bad_content_type``).

DNS rebinding
-------------
The host is resolved once per hop, every address is checked, and the request is then sent **to
the checked address itself**: the URL handed to httpx carries the IP literal, the ``Host`` header
carries the original host, and for https the ``sni_hostname`` request extension carries the
original name, so TLS sends that name in SNI and verifies the certificate against it. No second
resolution happens between the check and the connection, so a name that answers with a public
address for the check and a private one for the connection cannot get through. When an address
refuses the connection, the next checked address is tried.

Two names that resolve to the same address would share httpx's connection pool (keyed on scheme,
IP and port) and so could reuse a TLS connection verified for the other name. Every request
therefore says ``Connection: close`` (so no connection is reused, whatever ``client`` is given),
and the client made by :func:`make_client` keeps no connection alive either. ``trust_env`` is off
in :func:`make_client`, so ``HTTP(S)_PROXY`` variables are not used; a caller's own client set up
with a proxy is outside what this module can guarantee (the proxy connects on its own).

Bounds: every connect and read waits at most ``timeout``; the whole fetch of one document
(redirects included) at most ``deadline``, so a server that sends a byte just under every
``timeout`` is given up on too (``unreachable``); content codings, however stacked (``gzip,
gzip``), are undone in steps of 64 KiB each (:mod:`recoupe.ingest.decoding`) and the decoded bytes
counted as they come, so memory stays within ``max_bytes`` and a few steps.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from recoupe import __version__
from recoupe.errors import Code, IngestError
from recoupe.ingest.decoding import ACCEPTED_CODINGS, decode

Resolver = Callable[[str], list[str]]
"""Maps a host name to the IP addresses (as strings) it resolves to; raises ``OSError`` if none."""

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", "application/pdf"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
ACCEPTED_TYPES = PAGE_TYPES | FEED_TYPES | XML_TYPES

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.8"
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What :func:`fetch` may do: private addresses, time-out, size cap, redirects."""

    allow_private: bool = False
    timeout: float = 20.0  # seconds, connect+read each
    deadline: float = 120.0  # seconds for the whole fetch of one document, redirects included
    max_bytes: int = 20_000_000  # body size cap (streamed: stop reading past it)
    max_redirects: int = 5
    user_agent: str = f"recoupe/{__version__} (+offline news cross-checking)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body with what came with it."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    content_type: str | None  # media type only, lower-case, e.g. "text/html"
    fetched_at: str  # ISO 8601 UTC


# --- addresses ------------------------------------------------------------------------------


def address_problem(address: str) -> str | None:
    """Why ``address`` may not be fetched without ``--allow-private``, or ``None`` if it may.

    IPv4 addresses embedded in IPv6 ones (IPv4-mapped, 6to4, Teredo, NAT64) are checked as the
    IPv4 address they stand for.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded: ipaddress.IPv4Address | None = None
        if ip.ipv4_mapped is not None:
            embedded = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            embedded = ip.sixtofour
        elif ip.teredo is not None:
            embedded = ip.teredo[1]
        elif ip in _NAT64 or ip in _NAT64_LOCAL:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            inner = address_problem(str(embedded))
            if inner is not None:
                return f"embeds {embedded}, {inner}"
            if ip.ipv4_mapped is not None or ip in _NAT64:
                return None  # ::ffff:a.b.c.d is a.b.c.d; DNS64 answers on IPv6-only networks
    checks = (
        (ip.is_unspecified, "unspecified"),
        (ip.is_loopback, "loopback"),
        (ip.is_link_local, "link-local"),
        (ip.is_multicast, "multicast"),
        (ip.is_private, "private"),
        (ip.is_reserved, "reserved"),
        (not ip.is_global, "not globally routable"),
    )
    for bad, reason in checks:
        if bad:
            return reason
    return None


def system_resolve(host: str) -> list[str]:
    """Resolve ``host`` with ``socket.getaddrinfo`` (TCP), keeping order, without duplicates."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _name, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)


def _literal(host: str) -> str | None:
    """The canonical IP address ``host`` spells, if it is one (also ``127.1``, ``0x7f000001``)."""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefxABCDEFX." for c in host) and host[0].isdigit():
        try:  # the forms getaddrinfo itself accepts through inet_aton, without a DNS query
            return socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _resolve_bounded(resolve: Resolver, host: str, timeout: float) -> list[str]:
    """``resolve(host)`` in a daemon thread, given up on after ``timeout`` seconds."""
    box: list[list[str] | BaseException] = []

    def run() -> None:
        try:
            box.append(resolve(host))
        except BaseException as exc:  # handed back to the caller's thread
            box.append(exc)

    thread = threading.Thread(target=run, name="recoupe-resolve", daemon=True)
    thread.start()
    thread.join(timeout)
    if not box:
        raise IngestError(
            Code.UNREACHABLE, f"resolving {host} took more than {timeout:g} s: check the name"
        )
    result = box[0]
    if isinstance(result, BaseException):
        raise result
    return result


def check_host(
    host: str,
    *,
    allow_private: bool,
    resolve: Resolver = system_resolve,
    timeout: float = 20.0,
) -> list[str]:
    """Resolve ``host`` and check every address; return the addresses, in the resolver's order.

    Raises ``IngestError``: ``private_address`` when any address is not public (and
    ``allow_private`` is false), ``unreachable`` when the name does not resolve.
    """
    name = host.rstrip(".").lower()
    literal = _literal(name)
    if literal is not None:
        addresses = [literal]
    else:
        if not allow_private and (name == "localhost" or name.endswith(".localhost")):
            raise IngestError(Code.PRIVATE_ADDRESS, _private_message(host, "localhost", "loopback"))
        if name == "invalid" or name.endswith(".invalid"):
            raise IngestError(Code.UNREACHABLE, f"{host} does not exist (.invalid never resolves)")
        try:
            addresses = _resolve_bounded(resolve, name, timeout)
        except (OSError, UnicodeError) as exc:
            raise IngestError(
                Code.UNREACHABLE, f"cannot resolve {host} ({exc}): check the name and the network"
            ) from exc
        if not addresses:
            raise IngestError(Code.UNREACHABLE, f"{host} resolves to no address")
    if not allow_private:
        for address in addresses:
            problem = address_problem(address)
            if problem is not None:
                raise IngestError(Code.PRIVATE_ADDRESS, _private_message(host, address, problem))
    return addresses


def _private_message(host: str, address: str, problem: str) -> str:
    where = host if host == address else f"{host} resolves to {address}, which"
    return (
        f"{where} is not a public address ({problem}): recoupe does not fetch loopback, private "
        "or link-local hosts; pass --allow-private to lift this"
    )


# --- http -----------------------------------------------------------------------------------


def make_client(policy: FetchPolicy) -> httpx.Client:
    """An httpx client fit for :func:`fetch`: no keep-alive, no redirects, no proxy variables."""
    return httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(policy.timeout),
        limits=httpx.Limits(max_keepalive_connections=0),
        trust_env=False,
        headers={"User-Agent": policy.user_agent},
    )


def media_type(header: str | None) -> str | None:
    """``"Text/HTML; charset=x"`` -> ``"text/html"``; ``None`` for a missing or empty header."""
    if not header:
        return None
    value = header.split(";", 1)[0].strip().lower()
    return value or None


def parse_url(url: str) -> httpx.URL:
    """Parse an http(s) URL with a host, or raise ``IngestError`` (``bad_url``)."""
    try:
        parsed = httpx.URL(url)
        host = parsed.host  # an IDNA error ("xn--") shows only here
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise IngestError(Code.BAD_URL, f"not a valid URL: {url!r} ({exc})") from exc
    if parsed.scheme not in ("http", "https"):
        raise IngestError(
            Code.BAD_URL, f"only http:// and https:// URLs can be fetched, not {url!r}"
        )
    if not host:
        raise IngestError(Code.BAD_URL, f"the URL has no host: {url!r}")
    return parsed


def _host_for_dns(url: httpx.URL) -> str:
    """The host as DNS sees it: IDNA-encoded, without IPv6 brackets."""
    raw = url.raw_host.decode("ascii")
    return raw[1:-1] if raw.startswith("[") else raw


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    client: httpx.Client | None = None,
    resolve: Resolver = system_resolve,
) -> Fetched:
    """Fetch ``url`` under ``policy``; see the module docstring for the checks.

    ``client`` is used as given (make it with :func:`make_client`); without one a client is made
    and closed here. ``resolve`` maps a host name to its addresses (tests pass a fake one).
    Raises ``IngestError``.
    """
    if client is None:
        with make_client(policy) as own:
            return _fetch(url, policy, own, resolve)
    return _fetch(url, policy, client, resolve)


def _fetch(url: str, policy: FetchPolicy, client: httpx.Client, resolve: Resolver) -> Fetched:
    current = parse_url(url)
    redirects = 0
    ends = time.monotonic() + policy.deadline
    while True:
        _in_time(current, ends, policy)
        response = _send(current, policy, client, resolve)
        try:
            location = response.headers.get("location")
            if response.status_code in _REDIRECTS and location:
                redirects += 1
                if redirects > policy.max_redirects:
                    raise IngestError(
                        Code.TOO_MANY_REDIRECTS,
                        f"{url} redirects more than {policy.max_redirects} times (last to "
                        f"{location}): give the final URL",
                    )
                try:
                    target = current.join(location)
                except (httpx.InvalidURL, ValueError) as exc:
                    raise IngestError(
                        Code.BAD_URL, f"{current} redirects to an invalid URL: {location!r}"
                    ) from exc
                current = parse_url(str(target))
                continue
            return _read(url, current, response, policy, ends)
        finally:
            response.close()


def _send(
    url: httpx.URL, policy: FetchPolicy, client: httpx.Client, resolve: Resolver
) -> httpx.Response:
    """Send a GET for ``url`` to one of its checked addresses; the response is streaming."""
    host = _host_for_dns(url)
    addresses = check_host(
        host, allow_private=policy.allow_private, resolve=resolve, timeout=policy.timeout
    )
    headers = {
        "Host": url.netloc.decode("ascii"),
        "User-Agent": policy.user_agent,
        "Accept": _ACCEPT,
        "Connection": "close",  # never reuse a connection verified for another name
        "Accept-Encoding": ", ".join(ACCEPTED_CODINGS),
    }
    is_literal = _literal(host) is not None
    extensions: dict[str, str] = {}
    if url.scheme == "https" and not is_literal:
        extensions["sni_hostname"] = host
    last: httpx.ConnectError | None = None
    for address in addresses:
        pinned = url.copy_with(host=address)
        request = client.build_request(
            "GET", pinned, headers=headers, timeout=policy.timeout, extensions=extensions
        )
        try:
            return client.send(request, stream=True, follow_redirects=False)
        except httpx.ConnectError as exc:
            last = exc  # refused or no route: try the next checked address
        except httpx.TimeoutException as exc:
            raise IngestError(
                Code.UNREACHABLE,
                f"{url} did not answer within {policy.timeout:g} s: try again later",
            ) from exc
        except httpx.UnsupportedProtocol as exc:
            raise IngestError(Code.BAD_URL, f"cannot fetch {url}: {exc}") from exc
        except (httpx.InvalidURL, ValueError) as exc:  # e.g. a Location httpx cannot parse
            raise IngestError(Code.BAD_URL, f"{url} answered with an invalid URL ({exc})") from exc
        except httpx.HTTPError as exc:
            raise IngestError(Code.UNREACHABLE, f"cannot fetch {url}: {exc}") from exc
    raise IngestError(
        Code.UNREACHABLE, f"cannot connect to {url} ({last}): check the URL and the network"
    )


def _in_time(url: httpx.URL, ends: float, policy: FetchPolicy) -> None:
    if time.monotonic() > ends:
        raise IngestError(
            Code.UNREACHABLE,
            f"fetching {url} took more than {policy.deadline:g} s in all: try again later "
            "(or raise --deadline)",
        )


def _read(
    asked: str, url: httpx.URL, response: httpx.Response, policy: FetchPolicy, ends: float
) -> Fetched:
    status = response.status_code
    if status >= 400:
        reason = response.reason_phrase or "error"
        raise IngestError(Code.HTTP_ERROR, f"{url} answered HTTP {status} {reason}")
    if 300 <= status < 400:
        raise IngestError(Code.HTTP_ERROR, f"{url} answered HTTP {status} without a Location")
    ctype = media_type(response.headers.get("content-type"))
    if ctype is not None and ctype not in ACCEPTED_TYPES:
        raise IngestError(
            Code.BAD_CONTENT_TYPE,
            f"{url} sent {ctype}, not a web page, a PDF or a feed: give the article's URL",
        )
    length = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if length.isdigit() and encoding == "identity" and int(length) > policy.max_bytes:
        raise IngestError(Code.TOO_LARGE, _too_large(url, policy))
    body = bytearray()
    try:
        for chunk in decode(_raw(response, url, ends, policy), encoding):
            body += chunk
            if len(body) > policy.max_bytes:
                raise IngestError(Code.TOO_LARGE, _too_large(url, policy))
    except httpx.TimeoutException as exc:
        raise IngestError(
            Code.UNREACHABLE, f"{url} stopped sending for {policy.timeout:g} s: try again later"
        ) from exc
    except httpx.DecodingError as exc:
        raise IngestError(
            Code.HTTP_ERROR, f"{url} sent a body that cannot be decompressed ({exc})"
        ) from exc
    except httpx.HTTPError as exc:
        raise IngestError(Code.UNREACHABLE, f"reading {url} failed: {exc}") from exc
    return Fetched(
        url=asked,
        final_url=str(url),
        status=status,
        headers=dict(response.headers.items()),
        body=bytes(body),
        content_type=ctype,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _raw(
    response: httpx.Response, url: httpx.URL, ends: float, policy: FetchPolicy
) -> Iterator[bytes]:
    """The body as sent (content codings not undone), each piece as it arrives, until the
    fetch's deadline."""
    for chunk in response.iter_raw():
        _in_time(url, ends, policy)
        yield chunk


def _too_large(url: httpx.URL, policy: FetchPolicy) -> str:
    return f"{url} is larger than {policy.max_bytes} bytes: save the article and give the file"
