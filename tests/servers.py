"""Servers the tests start for themselves, on free loopback ports, and stop."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A throwaway redis-server on a free local port, its snapshot kept in `directory`."""

    def __init__(self, directory):
        self.executable = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not os.path.exists(self.executable):
            pytest.fail(
                "redis-server not found: run scripts/prerequisites.sh (installs redis-server)."
            )
        self.port = free_port()
        self.directory = directory
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                self.executable,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.directory),
                "--dbfilename",
                "snapshot.rdb",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=1)
        for _attempt in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        pytest.fail("redis-server did not start.")

    def snapshot(self) -> None:
        redis.Redis(port=self.port).save()

    def keys(self) -> int:
        return redis.Redis(port=self.port).dbsize()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(timeout=10)

    def freeze(self) -> None:
        """Still accepting connections, never answering: a hung server."""
        self.process.send_signal(signal.SIGSTOP)
