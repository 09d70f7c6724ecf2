"""One window per user: a second launch (another "Send to") hands its files to the running window and exits.

The first instance listens on a QLocalServer (a named pipe on Windows, a socket file elsewhere). A later one
connects, sends its file list as one JSON line, waits for "ok" and quits.
"""
from __future__ import annotations

import getpass
import hashlib
import json
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("qinggao.instance")
TIMEOUT_MS = 2000
REPLY_TIMEOUT_MS = 8000  # the running window may be busy with a batch


def default_name() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in some sandboxes
        user = "user"
    return "qinggao-" + hashlib.sha1(user.encode("utf-8")).hexdigest()[:12]


def send_to_running(name: str, files: list[str], timeout_ms: int = TIMEOUT_MS,
                    reply_ms: int = REPLY_TIMEOUT_MS) -> bool:
    """True when a running instance took the files (this process should exit)."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write((json.dumps({"files": files}, ensure_ascii=False) + "\n").encode("utf-8"))
    sock.flush()
    if sock.bytesToWrite():  # (returns False when flush() already wrote everything, so only wait when needed)
        sock.waitForBytesWritten(timeout_ms)
    reply = b""
    while b"\n" not in reply and sock.waitForReadyRead(reply_ms):
        reply += bytes(sock.readAll().data())
    sock.disconnectFromServer()
    reply = reply.strip()
    return reply == b"ok"


class InstanceServer(QObject):
    """Listens for later launches; emits `files_received` with their file list on the main thread."""

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # a crashed instance can leave its socket file behind (Unix); nobody answered on it, so take it over
        QLocalServer.removeServer(self.name)
        ok = self.server.listen(self.name)
        if not ok:
            log.warning("single-instance server not started: %s", self.server.errorString())
        return ok

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._on_ready(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))
            if sock.bytesAvailable():  # the message may have arrived before readyRead was connected
                self._on_ready(sock)

    def _on_ready(self, sock: QLocalSocket) -> None:
        self._buffers[sock] = self._buffers.get(sock, b"") + bytes(sock.readAll().data())
        if b"\n" not in self._buffers[sock]:
            return
        line = self._buffers[sock].split(b"\n", 1)[0]
        try:
            files = [str(f) for f in json.loads(line.decode("utf-8")).get("files", [])]
        except (ValueError, AttributeError):
            log.warning("ignored a malformed message from another launch")
            files = None
        sock.write(b"ok\n" if files is not None else b"bad\n")
        sock.flush()
        if files is not None:
            log.info("another launch handed over %d file(s)", len(files))
            self.files_received.emit(files)

    def _drop(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()
