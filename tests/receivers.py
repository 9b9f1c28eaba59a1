"""Local receivers for alert tests: a JSON webhook and an SMTP server, both on 127.0.0.1.

Both bind a free port chosen by the OS (no guessing, no race), run in a background thread,
record what they receive, and can be told to fail their first N deliveries. Use them as
context managers::

    with WebhookReceiver() as hook, SmtpReceiver() as smtp:
        urls = [hook.apprise_url(), smtp.apprise_url()]
        ...
        assert len(hook.bodies) == 1 and len(smtp.messages) == 1

Apprise URL formats they hand out (verified against Apprise 2.0.1):

- webhook: ``json://127.0.0.1:PORT/alerts`` (Apprise POSTs
  ``{"version", "title", "message", "attachments", "type"}``).
- SMTP:    ``mailto://127.0.0.1:PORT?from=kzfacts@example.com&to=alerts@example.com&mode=insecure``
  (plain SMTP, no TLS, no AUTH). With ``auth=True`` the server also offers AUTH (any user
  and password accepted, without TLS) and the URL carries ``user:pass@``.
"""

from __future__ import annotations

import email
import email.policy
import json
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlencode

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

HOST = "127.0.0.1"


# --- webhook ------------------------------------------------------------------------------
@dataclass
class WebhookRequest:
    """One request the webhook received (including the ones it answered with an error)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int  # what the receiver answered

    def json(self) -> Any:
        return json.loads(self.body)


class WebhookReceiver:
    """An HTTP server on 127.0.0.1 that records every POSTed JSON body.

    ``fail_first``: answer the first N POST requests with ``fail_status`` (default 500); they
    are recorded in ``requests`` but not in ``bodies``. ``bodies`` holds the parsed JSON of
    every request answered 200, i.e. what was actually delivered.
    """

    def __init__(self, fail_first: int = 0, fail_status: int = 500) -> None:
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.requests: list[WebhookRequest] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # public API ---------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("WebhookReceiver is not started")
        return int(self._server.server_address[1])

    def http_url(self, path: str = "/alerts") -> str:
        """Plain ``http://`` URL of ``path`` (for httpx or other clients)."""
        return f"http://{HOST}:{self.port}{path}"

    def apprise_url(self, path: str = "/alerts") -> str:
        """Apprise URL posting JSON to ``path``: ``json://127.0.0.1:PORT/path``."""
        return f"json://{HOST}:{self.port}{path}"

    @property
    def bodies(self) -> list[Any]:
        """Parsed JSON bodies of the delivered (answered 200) requests, in arrival order."""
        with self._lock:
            return [r.json() for r in self.requests if r.status == 200]

    @property
    def failed(self) -> list[WebhookRequest]:
        """Requests the receiver answered with an error status."""
        with self._lock:
            return [r for r in self.requests if r.status != 200]

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with receiver._lock:
                    failing = receiver.fail_first > 0
                    if failing:
                        receiver.fail_first -= 1
                    status = receiver.fail_status if failing else 200
                    receiver.requests.append(
                        WebhookRequest("POST", self.path, dict(self.headers), body, status)
                    )
                payload = b'{"ok": false}' if failing else b'{"ok": true}'
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass  # keep test output quiet

        self._server = ThreadingHTTPServer((HOST, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


# --- SMTP ---------------------------------------------------------------------------------
@dataclass
class ReceivedMail:
    """One message the SMTP server accepted."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    login: str | None = None  # AUTH user, when the client authenticated
    message: EmailMessage = field(init=False)

    def __post_init__(self) -> None:
        parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.message = parsed

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    def text(self) -> str:
        """The plain-text part if there is one, else the HTML part with tags kept."""
        part = self.message.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        assert isinstance(part, EmailMessage)
        return str(part.get_content())


class _Handler:
    def __init__(self, receiver: SmtpReceiver) -> None:
        self.receiver = receiver

    async def handle_DATA(  # noqa: N802 (aiosmtpd's naming)
        self, server: SMTPServer, session: Session, envelope: Envelope
    ) -> str:
        with self.receiver._lock:
            if self.receiver.fail_first > 0:
                self.receiver.fail_first -= 1
                self.receiver.refused += 1
                return "451 Requested action aborted: test failure"
            login = session.auth_data  # what _accept_any_login stored: the user name
            raw = envelope.original_content or envelope.content or b""
            self.receiver._messages.append(
                ReceivedMail(
                    mail_from=str(envelope.mail_from),
                    rcpt_tos=list(envelope.rcpt_tos),
                    raw=raw.encode("utf-8") if isinstance(raw, str) else bytes(raw),
                    login=login.decode() if isinstance(login, bytes) else login,
                )
            )
        return "250 Message accepted for delivery"


def _accept_any_login(
    server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
) -> AuthResult:
    """Authenticator for tests: any user and password is accepted."""
    if isinstance(auth_data, LoginPassword):
        return AuthResult(success=True, auth_data=auth_data.login)
    return AuthResult(success=True)


class _FreePortController(Controller):
    """aiosmtpd Controller that binds port 0 and reads back the port the OS chose."""

    def _trigger_server(self) -> None:
        server: Any = self.server  # an asyncio.Server: it has sockets
        self.port = server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SmtpReceiver:
    """An SMTP server (aiosmtpd) on 127.0.0.1 that records every accepted message.

    ``auth=False`` (default): no AUTH offered, plain SMTP. ``auth=True``: AUTH PLAIN/LOGIN
    offered without TLS and any credentials accepted. ``fail_first``: answer the first N
    messages with a 451 (temporary failure); they are counted in ``refused``, not recorded.
    """

    def __init__(self, *, auth: bool = False, fail_first: int = 0) -> None:
        self.auth = auth
        self.fail_first = fail_first
        self.refused = 0
        self._messages: list[ReceivedMail] = []
        self._lock = threading.Lock()
        self._controller: _FreePortController | None = None

    @property
    def messages(self) -> list[ReceivedMail]:
        with self._lock:
            return list(self._messages)

    @property
    def port(self) -> int:
        if self._controller is None:
            raise RuntimeError("SmtpReceiver is not started")
        return int(self._controller.port)

    def apprise_url(
        self,
        to: str = "alerts@example.com",
        sender: str = "kzfacts@example.com",
        *,
        user: str = "kzfacts",
        password: str = "secret",
        extra: dict[str, str] | None = None,
    ) -> str:
        """Apprise ``mailto://`` URL for this server: plain SMTP (``mode=insecure``), no TLS.

        Without ``auth``: ``mailto://127.0.0.1:PORT?from=...&to=...&mode=insecure``.
        With ``auth``: ``mailto://user:password@127.0.0.1:PORT?...`` (Apprise logs in).
        """
        query = {"from": sender, "to": to, "mode": "insecure", **(extra or {})}
        creds = f"{user}:{password}@" if self.auth else ""
        return f"mailto://{creds}{HOST}:{self.port}?{urlencode(query)}"

    def start(self) -> SmtpReceiver:
        kwargs: dict[str, Any] = {}
        if self.auth:
            kwargs = {"authenticator": _accept_any_login, "auth_require_tls": False}
        self._controller = _FreePortController(
            _Handler(self), hostname=HOST, port=0, ready_timeout=5.0, **kwargs
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpReceiver:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
