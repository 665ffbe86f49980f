"""`make lab` really works: JupyterLab on 127.0.0.1 lists the lessons and its kernel imports helpers."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

#: The course's JupyterLab settings overrides, which `make lab` passes to JupyterLab.
LAB_SETTINGS = ROOT / ".jupyter" / "lab" / "settings"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab():
    port, token = free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.app_settings_dir={LAB_SETTINGS}",
    ]
    if os.geteuid() == 0:  # CI machines run as root
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            call(base, token, "GET", "/api/status")
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited: {proc.stdout.read()}")
            time.sleep(0.5)
    else:
        proc.terminate()
        pytest.fail("JupyterLab did not answer within 60 s")
    yield base, token
    proc.terminate()
    proc.wait(timeout=20)


def call(base, token, method, path, body=None):
    req = urllib.request.Request(
        base + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as resp:
        text = resp.read()
        return json.loads(text) if text else None


def test_lessons_are_listed(lab):
    base, token = lab
    listing = call(base, token, "GET", "/api/contents/notebooks")
    names = {item["name"] for item in listing["content"]}
    assert "00-start-here.ipynb" in names


def test_make_lab_uses_the_course_settings():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "--LabApp.app_settings_dir=$(LAB_SETTINGS)" in recipe
    assert f"LAB_SETTINGS := $(CURDIR)/{LAB_SETTINGS.relative_to(ROOT).as_posix()}" in makefile


def test_lab_never_asks_about_jupyter_news(lab):
    # the "Would you like to get notified about official Jupyter news?" popup appears while
    # fetchNews is "none" (ask); the course's overrides make "false" (never) the default
    base, token = lab
    plugin = call(
        base, token, "GET", "/lab/api/settings/@jupyterlab/apputils-extension:notification"
    )
    defaults = {k: v.get("default") for k, v in plugin["schema"]["properties"].items()}
    effective = {**defaults, **(plugin.get("settings") or {})}  # what JupyterLab composes
    assert effective["fetchNews"] == "false"
    assert effective["checkForUpdates"] is False


def test_a_request_without_the_token_is_refused(lab):
    base, _ = lab
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(base + "/api/contents/notebooks", timeout=10)
    assert err.value.code == 403


def test_a_kernel_started_in_lab_imports_helpers(lab):
    from tornado.websocket import websocket_connect

    base, token = lab
    kernel = call(base, token, "POST", "/api/kernels", {"name": "python3"})
    ws_url = base.replace("http", "ws") + f"/api/kernels/{kernel['id']}/channels?token={token}"
    code = "import helpers, helpers.figures; print('helpers at', helpers.ROOT)"

    async def run():
        conn = await websocket_connect(ws_url)
        msg_id = uuid.uuid4().hex
        await conn.write_message(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "session": uuid.uuid4().hex,
                        "username": "test",
                        "version": "5.3",
                        "date": "2026-01-01T00:00:00Z",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "channel": "shell",
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": False,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                }
            )
        )
        printed, status = "", None
        deadline = time.monotonic() + 60
        while status is None and time.monotonic() < deadline:
            msg = json.loads(await conn.read_message())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                printed += msg["content"]["text"]
            elif msg["msg_type"] == "error":
                printed += msg["content"]["ename"] + ": " + msg["content"]["evalue"]
            elif msg["msg_type"] == "execute_reply":
                status = msg["content"]["status"]
        conn.close()
        return status, printed

    try:
        # an event loop of its own, in its own thread: Playwright may own this thread's loop
        with ThreadPoolExecutor(1) as pool:
            status, printed = pool.submit(asyncio.run, asyncio.wait_for(run(), 90)).result()
    finally:
        call(base, token, "DELETE", f"/api/kernels/{kernel['id']}")
    assert status == "ok", printed
    assert f"helpers at {ROOT}" in printed
