"""A minimal LSP client over stdio for yaml-language-server: open documents, read diagnostics."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ENV = "CRUSCOTTO_YAML_LS"
TIMEOUT = 30.0  # seconds for any one answer: the server starts in about a second


def find_server() -> str | None:
    """The yaml-language-server executable: $CRUSCOTTO_YAML_LS, else on PATH."""
    named = os.environ.get(ENV)
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("yaml-language-server")


class YamlLanguageServer:
    """One server process; messages it sends are read by a thread into a queue."""

    def __init__(self, executable: str, root: Path) -> None:
        self.process = subprocess.Popen(
            [executable, "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request(
            "initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}}
        )
        self.notify("initialized", {})
        settings = {
            "yaml": {
                "validate": True,
                "hover": True,
                "schemaStore": {"enable": False},
                "yamlVersion": "1.2",
            }
        }
        self.notify("workspace/didChangeConfiguration", {"settings": settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self._send({"id": self.next_id, "method": method, "params": params})
        answer = self._wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        return answer.get("result")

    def _wait(self, wanted: Any) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                break
            if "method" in message and "id" in message:  # a request of the server: answer it
                self._send({"id": message["id"], "result": _answer(message)})
            if message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            if wanted(message):
                return message
        raise TimeoutError(f"yaml-language-server gave no answer within {TIMEOUT:.0f} s")

    def open(self, uri: str, text: str) -> list[dict[str, Any]]:
        """Open a document (it need not exist on disk) and return the diagnostics published for it."""
        self.diagnostics.pop(uri, None)
        item = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})
        self._wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            )
        )
        return self.diagnostics[uri]

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover text at a 0-based position."""
        result = self.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )
        return str(result["contents"]["value"]) if result else ""

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=5)
        except (TimeoutError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait(timeout=5)


def _answer(request: dict[str, Any]) -> Any:
    """What the server asks of a client that has no settings beyond those it was sent."""
    if request["method"] == "workspace/configuration":
        return [None for _ in request["params"]["items"]]
    return None
