"""The mail queue on disk: a mail waits here until the SMTP server took it.

A directory with maildir's atomic moves. A mail is written in ``tmp/`` and
renamed into ``new/`` when the transaction that caused it commits; a worker
claims it by renaming it into ``sending/`` (of two workers only one rename
succeeds, so a mail is never sent twice) and removes it once the SMTP
server accepted it. A mail the server refused for good (5xx), or that
failed too often, moves to ``failed/``, where a site manager sees it and
resends or deletes it. The files are the queue: a restart loses nothing.

Each file is one line of JSON (the envelope: site, sender, recipients,
attempts…) followed by the message as the SMTP server gets it.
"""

from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from pathlib import Path

import itertools
import json
import os
import threading
import time


WAITING = "new"
SENDING = "sending"
FAILED = "failed"
_TMP = "tmp"

# A claim older than this is a worker that died while sending: the mail
# goes back to the queue. Far longer than an SMTP timeout.
STALE_CLAIM_SECONDS = 15 * 60

_counter = itertools.count()
_counter_lock = threading.Lock()


@dataclass(frozen=True)
class QueuedMessage:
    id: str
    site: str
    mfrom: str
    mto: list[str]
    subject: str
    message: bytes = field(repr=False)
    queued: float = 0.0
    attempts: int = 0
    next_attempt: float = 0.0
    last_error: str = ""
    folder: str = WAITING


class MailQueue:
    """The queue directory at ``path`` (created when missing)."""

    def __init__(self, path):
        self.path = Path(path)
        for folder in (_TMP, WAITING, SENDING, FAILED):
            (self.path / folder).mkdir(parents=True, exist_ok=True)

    # Adding: prepared before the commit, published after it ---------------

    def prepare(self, site: str, mfrom: str, mto: list[str], subject: str, message: bytes) -> Path:
        """Write a mail in ``tmp/``; nothing sends it until it is published."""
        now = time.time()
        with _counter_lock:
            number = next(_counter)
        # Names sort in the order mails were queued: they are sent in it.
        message_id = f"{time.time_ns():020d}.{os.getpid()}.{threading.get_ident()}.{number}"
        mail = QueuedMessage(message_id, site, mfrom, list(mto), subject, message, queued=now, next_attempt=now)
        return self._write(mail, _TMP)

    def publish(self, prepared: Path) -> None:
        os.rename(prepared, self.path / WAITING / prepared.name)

    def discard(self, prepared: Path) -> None:
        prepared.unlink(missing_ok=True)

    # Reading ----------------------------------------------------------------

    def messages(self, folder: str = WAITING) -> list[QueuedMessage]:
        mails = []
        for path in sorted((self.path / folder).iterdir()):
            try:
                mails.append(self._read(path, folder))
            except FileNotFoundError:  # claimed or removed meanwhile
                continue
        return mails

    def get(self, folder: str, message_id: str) -> QueuedMessage | None:
        try:
            return self._read(self._file(folder, message_id), folder)
        except FileNotFoundError:
            return None

    # The worker's moves -----------------------------------------------------

    def claim(self, message_id: str) -> QueuedMessage | None:
        """Take a waiting mail to send it; None when another worker took it.

        Several workers (the Zope instances of one machine) may share the
        queue: the rename succeeds for one of them only. The claim's age
        (for ``recover_stale_claims``) is set before the rename: a mail
        queued long ago must not look stale to another worker in between.
        """
        waiting = self.path / WAITING / message_id
        target = self.path / SENDING / message_id
        try:
            os.utime(waiting)
            os.rename(waiting, target)
            return self._read(target, SENDING)
        except FileNotFoundError:
            return None

    def sent(self, mail: QueuedMessage) -> None:
        (self.path / SENDING / mail.id).unlink(missing_ok=True)

    def release(self, mail: QueuedMessage) -> None:
        """Put a claimed mail back unchanged (nothing was tried)."""
        os.rename(self.path / SENDING / mail.id, self.path / WAITING / mail.id)

    def retry_later(self, mail: QueuedMessage, error: str, next_attempt: float) -> None:
        self._move(replace(mail, attempts=mail.attempts + 1, last_error=error, next_attempt=next_attempt), WAITING)

    def fail(self, mail: QueuedMessage, error: str) -> None:
        self._move(replace(mail, attempts=mail.attempts + 1, last_error=error), FAILED)

    def recover_stale_claims(self, older_than: float = STALE_CLAIM_SECONDS) -> int:
        """Put back the mails a worker claimed and never finished (it died)."""
        limit = time.time() - older_than
        recovered = 0
        for path in (self.path / SENDING).iterdir():
            try:
                if path.stat().st_mtime < limit:
                    os.rename(path, self.path / WAITING / path.name)
                    recovered += 1
            except FileNotFoundError:
                continue
        return recovered

    # A site manager's actions -------------------------------------------------

    def resend(self, message_id: str) -> bool:
        """Queue a failed mail again, as if new; False when it is not there."""
        mail = self.get(FAILED, message_id)
        if mail is None:
            return False
        self._move(replace(mail, attempts=0, next_attempt=time.time()), WAITING)
        return True

    def delete(self, folder: str, message_id: str) -> bool:
        if folder == SENDING:
            return False  # a worker is sending it now
        try:
            self._file(folder, message_id).unlink()
        except FileNotFoundError:
            return False
        return True

    # Files --------------------------------------------------------------------

    def _file(self, folder: str, message_id: str) -> Path:
        if folder not in (WAITING, SENDING, FAILED) or "/" in message_id or message_id.startswith("."):
            raise ValueError(f"No queued mail {folder}/{message_id}")
        return self.path / folder / message_id

    def _move(self, mail: QueuedMessage, folder: str) -> None:
        """Rewrite the envelope in place, then move the file: each step is atomic."""
        source = self.path / mail.folder / mail.id
        updated = self._write(mail, _TMP, name=f".{mail.id}.rewrite")
        os.rename(updated, source)
        os.rename(source, self.path / folder / mail.id)

    def _write(self, mail: QueuedMessage, folder: str, name: str | None = None) -> Path:
        envelope = asdict(mail)
        del envelope["message"], envelope["folder"], envelope["id"]
        path = self.path / folder / (name or mail.id)
        with open(path, "wb") as stream:
            stream.write(json.dumps(envelope).encode("utf-8") + b"\n")
            stream.write(mail.message)
            stream.flush()
            os.fsync(stream.fileno())
        return path

    def _read(self, path: Path, folder: str) -> QueuedMessage:
        with open(path, "rb") as stream:
            envelope = json.loads(stream.readline())
            message = stream.read()
        return QueuedMessage(id=path.name, message=message, folder=folder, **envelope)
