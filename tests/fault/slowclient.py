#!/usr/bin/env python3
"""slowclient.py: the slow clients of tests/fault/slowloris.sh.

    slowclient.py HOST PORT HEADERS BODIES SECS TRICKLE OUT

HEADERS connections send a request's header a byte at a time, one a
second, and never end it (slowloris); BODIES connections send a POST's
header at once, then its body a byte a second for TRICKLE seconds, then
nothing (a body that stalls).  Each connection comes from a loopback
address of its own (127.60.x.y), as a crowd of attackers would, so that
only the web server's timeouts can end them.  A connection the server ends
is opened again, until SECS have passed since the start; then the open
ones are closed by us.

One line a connection in OUT:
    KIND N START END LAST_SENT SENT HOW [STATUS]
KIND H or B; START, END and LAST_SENT (the last byte sent) in seconds
since the start; HOW: "cut" (the server closed it, with STATUS when it
answered first), "ours" (still open at SECS), "connect" (refused).
"""

import asyncio
import sys
import time

HEADER = (b"GET /demo/slowloris HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slowloris\r\n"
          + b"".join(b"X-Slow-%d: %d\r\n" % (i, i) for i in range(400)))
BODY_LEN = 4096


def body_head(host):
    return (b"POST /demo/slow HTTP/1.1\r\nHost: %s\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: %d\r\n\r\n" % (host.encode(), BODY_LEN))


async def one(kind, n, host, port, t0, secs, trickle, out):
    ip = "127.60.%d.%d" % (1 + n // 200 + (100 if kind == "B" else 0), 1 + n % 200)
    while time.monotonic() - t0 < secs:
        start = time.monotonic() - t0
        try:
            reader, writer = await asyncio.open_connection(host, port, local_addr=(ip, 0))
        except OSError:
            out.append("%s %d %.3f %.3f %.3f 0 connect" % (kind, n, start, start, start))
            await asyncio.sleep(1)
            continue
        sent = 0
        last = start
        status = ""
        how = "ours"
        if kind == "H":
            data = HEADER
            first = b""
        else:
            first = body_head(host)
            data = b"a" * BODY_LEN
        try:
            if first:
                writer.write(first)
                await writer.drain()
                last = time.monotonic() - t0
            i = 0
            while time.monotonic() - t0 < secs:
                if i < len(data) and (kind == "H" or time.monotonic() - t0 - start < trickle):
                    writer.write(data[i:i + 1])
                    await writer.drain()
                    i += 1
                    sent += 1
                    last = time.monotonic() - t0
                # A second to the next byte; the server's answer or its
                # close ends the wait.
                left = secs - (time.monotonic() - t0)
                if left <= 0:
                    break
                try:
                    got = await asyncio.wait_for(reader.read(4096), timeout=min(1.0, left))
                except asyncio.TimeoutError:
                    continue
                if got:
                    if not status and got.startswith(b"HTTP/"):
                        status = got.split(b" ", 2)[1].decode("ascii", "replace")
                    # Read on until the server closes.
                    continue
                how = "cut"
                break
        except (ConnectionError, OSError):
            how = "cut"
        end = time.monotonic() - t0
        writer.close()
        try:
            await writer.wait_closed()
        except (ConnectionError, OSError):
            pass
        out.append("%s %d %.3f %.3f %.3f %d %s %s" % (kind, n, start, end, last, sent, how, status))


async def main():
    host, port = sys.argv[1], int(sys.argv[2])
    nh, nb, secs, trickle = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
    out = []
    t0 = time.monotonic()
    tasks = [one("H", n, host, port, t0, secs, trickle, out) for n in range(nh)]
    tasks += [one("B", n, host, port, t0, secs, trickle, out) for n in range(nb)]
    await asyncio.gather(*tasks)
    with open(sys.argv[7], "w") as f:
        f.write("\n".join(out) + "\n")


asyncio.run(main())
