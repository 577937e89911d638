"""A plain progress bar on stderr: count, percent, rate and ETA (one line redrawn on a terminal,
a line every few seconds otherwise, so logs stay readable)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``update(n)`` as work is done; ``close()`` prints the final line."""

    def __init__(
        self,
        total: int | None,
        *,
        label: str = "ingest",
        stream: TextIO | None = None,
        enabled: bool = True,
        unit: str = "art",
    ):
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.unit = unit
        self.done = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        # A terminal gets 5 redraws a second; a log file one line every 10 s.
        self._every = 0.2 if self._tty else 10.0

    def update(self, n: int = 1, *, total: int | None = None) -> None:
        self.done += n
        if total is not None:
            self.total = total
        now = time.monotonic()
        if self.enabled and now - self._last >= self._every:
            self._last = now
            self._draw(now)

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            if self._tty:
                self.stream.write("\n")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.label}"]
        if self.total:
            frac = min(self.done / self.total, 1.0)
            width = 24
            fill = int(frac * width)
            parts.append(f"[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} {frac * 100:5.1f}%")
            remaining = (self.total - self.done) / rate if rate > 0 else float("inf")
            eta = _hms(remaining) if remaining != float("inf") else "?"
            parts.append(f"{rate:.1f} {self.unit}/s ETA {eta}")
        else:
            parts.append(f"{self.done} {rate:.1f} {self.unit}/s")
        parts.append(f"elapsed {_hms(elapsed)}")
        return "  ".join(parts)

    def _draw(self, now: float) -> None:
        text = self.line(now)
        if self._tty:
            self.stream.write("\r" + text + "\x1b[K")
        else:
            self.stream.write(text + "\n")
        self.stream.flush()


def _hms(seconds: float) -> str:
    s = int(seconds)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}h{m:02d}m{s:02d}s" if h else f"{m}m{s:02d}s"
