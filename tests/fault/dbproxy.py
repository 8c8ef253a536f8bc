#!/usr/bin/env python3
"""dbproxy.py LISTEN TARGET LOG [EVERY]: a unix-socket proxy between a
civic program and MariaDB that breaks the connection at COMMIT.

It passes bytes both ways and reads only the framing of what the client
sends (MySQL packets: 3-byte length, sequence number, payload).  Every
EVERY-th COMMIT (COM_QUERY "COMMIT") of all connections is broken, in
turn in one of three ways:

  after     the COMMIT goes to the server, which commits; its answer is
            thrown away and both connections are closed: the program sees
            the connection lost at COMMIT (2013) although the transaction
            is durable.
  blackout  the same, and for the next BLACKOUT seconds every new
            connection is closed at once, so that the program's own retry
            fails too and the client is answered 503: the client's retry
            with the same key is then what meets the committed note.
  before    the connection is closed without passing the COMMIT on: the
            server rolls the transaction back.

One line a broken COMMIT goes to LOG ("drop N MODE").  Stops on SIGTERM.
"""
import asyncio
import signal
import sys
import time

LISTEN, TARGET, LOG = sys.argv[1:4]
EVERY = int(sys.argv[4]) if len(sys.argv) > 4 else 4
BLACKOUT = 0.6
MODES = ("after", "blackout", "before")

commits = 0
drops = 0
blackout_until = 0.0
log = open(LOG, "a", buffering=1)


def close(*writers):
    for w in writers:
        try:
            w.close()
        except Exception:
            pass


async def server_to_client(sr, cw, sw, state):
    try:
        while True:
            data = await sr.read(65536)
            if not data:
                break
            if state["drop"]:
                break  # the COMMIT's answer: never delivered
            cw.write(data)
            await cw.drain()
    except (ConnectionError, OSError):
        pass
    close(cw, sw)


async def handle(cr, cw):
    global commits, drops, blackout_until
    if time.monotonic() < blackout_until:
        close(cw)
        return
    try:
        sr, sw = await asyncio.open_unix_connection(TARGET)
    except OSError:
        close(cw)
        return
    state = {"drop": False}
    back = asyncio.ensure_future(server_to_client(sr, cw, sw, state))
    buf = b""
    try:
        while not state["drop"]:
            data = await cr.read(65536)
            if not data:
                break
            buf += data
            out = b""
            while len(buf) >= 4:
                n = int.from_bytes(buf[:3], "little")
                if len(buf) < 4 + n:
                    break
                pkt, buf = buf[:4 + n], buf[4 + n:]
                body = pkt[4:]
                if body[:1] == b"\x03" and body[1:].rstrip(b"\0 ;").upper() == b"COMMIT":
                    commits += 1
                    if commits % EVERY == 0:
                        drops += 1
                        mode = MODES[(drops - 1) % len(MODES)]
                        log.write("drop %d %s\n" % (drops, mode))
                        if mode == "before":
                            close(cw, sw)
                            return
                        state["drop"] = True
                        if mode == "blackout":
                            blackout_until = time.monotonic() + BLACKOUT
                out += pkt
                if state["drop"]:
                    break
            if out:
                sw.write(out)
                await sw.drain()
    except (ConnectionError, OSError):
        pass
    if not state["drop"]:
        close(cw, sw)
    await back


async def main():
    server = await asyncio.start_unix_server(handle, path=LISTEN)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with server:
        await stop.wait()


asyncio.run(main())
