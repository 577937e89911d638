"""HTTP GET for feeds and pages: timeouts, retries with exponential backoff, conditional GET.

Retries cover what is worth retrying (connection errors, timeouts, 429 and 5xx), honouring a short
Retry-After. A 304 answer to If-None-Match / If-Modified-Since means "unchanged since last time".
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from raqib.errors import InputError

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_BYTES = 20 * 1024 * 1024  # a news page or feed is far smaller; more is not an article


@dataclass(frozen=True)
class FetchPolicy:
    """How patiently to fetch: seconds per attempt, attempts, first backoff (doubling each time)."""

    timeout: float = 15.0
    retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 30.0
    user_agent: str = field(default_factory=lambda: _user_agent())


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    policy: FetchPolicy | None = None,
) -> FetchResult:
    """GET ``url``; raises InputError (naming the URL and the last failure) when all tries fail."""
    policy = policy or FetchPolicy()
    headers = {"User-Agent": policy.user_agent, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    delay = policy.backoff
    last_error = "no attempt"
    for attempt in range(policy.retries + 1):
        wait = delay
        try:
            req = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(req, timeout=policy.timeout) as resp:
                body = resp.read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise InputError(f"response larger than {MAX_BYTES} bytes", source=url)
                return FetchResult(
                    url=resp.geturl(),
                    status=resp.status,
                    body=body,
                    content_type=resp.headers.get("Content-Type", ""),
                    etag=resp.headers.get("ETag"),
                    last_modified=resp.headers.get("Last-Modified"),
                )
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return FetchResult(url=url, status=304, body=b"", etag=etag, last_modified=last_modified)
            last_error = f"HTTP {exc.code} {exc.reason}"
            if exc.code not in RETRY_STATUSES:
                break
            retry_after = exc.headers.get("Retry-After") if exc.headers else None
            if retry_after and retry_after.isdigit():
                wait = min(float(retry_after), policy.max_backoff)
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            last_error = f"{type(exc).__name__}: {reason}"
        if attempt < policy.retries:
            time.sleep(wait)
            delay = min(delay * 2, policy.max_backoff)
    raise InputError(f"fetch failed after {policy.retries + 1} attempts ({last_error})", source=url)


def _user_agent() -> str:
    from raqib import __version__

    return f"raqib/{__version__} (+news event extraction)"
