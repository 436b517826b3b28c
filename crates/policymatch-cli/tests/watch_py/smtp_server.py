"""A local SMTP server for the watch tests (aiosmtpd), on 127.0.0.1 only.

Stores each message it accepts as NNN.eml in --dir and writes the port it listens on to
--dir/port. With --user and --password it requires that login (without TLS: the tests run on
the loopback). With --stall-on N the N-th message is never answered (the server writes
--dir/stalled and waits), so that a test can kill the client in the middle of a send. It stops
by itself after --lifetime seconds.
"""

import argparse
import asyncio
import os
import socket
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Store:
    def __init__(self, folder, stall_on):
        self.folder = folder
        self.stall_on = stall_on
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        if self.count == self.stall_on:
            open(os.path.join(self.folder, "stalled"), "w").close()
            await asyncio.sleep(3600)
        path = os.path.join(self.folder, "%03d.eml" % self.count)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(path + ".tmp", path)
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--user")
    ap.add_argument("--password")
    ap.add_argument("--stall-on", type=int, default=0)
    ap.add_argument("--lifetime", type=float, default=300)
    args = ap.parse_args()

    extra = {}
    if args.user:
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (
                isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == args.user
                and auth_data.password.decode() == args.password
            )
            return AuthResult(success=ok, handled=False)

        extra = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
    port = free_port()
    controller = Controller(Store(args.dir, args.stall_on), hostname="127.0.0.1", port=port, **extra)
    controller.start()
    with open(os.path.join(args.dir, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(args.dir, "port.tmp"), os.path.join(args.dir, "port"))
    try:
        time.sleep(args.lifetime)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
