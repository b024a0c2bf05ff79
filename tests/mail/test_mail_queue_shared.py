"""Several Zope instances share one mail queue: each mail leaves once (#28 §1).

The instances of `make cluster` run a worker each on the same queue
directory. Here three processes (as three instances would) empty one queue
at the same time into a real SMTP server (aiosmtpd): every mail arrives
exactly once, and nothing stays behind.
"""

from aiosmtpd.controller import Controller
from collections import Counter
from osor.collection.mail.delivery import process
from osor.collection.mail.queue import FAILED
from osor.collection.mail.queue import MailQueue
from osor.collection.mail.queue import SENDING
from osor.collection.mail.queue import WAITING

import multiprocessing
import smtplib
import socket


MAILS = 120
WORKERS = 3


class Recorder:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.extend(envelope.rcpt_tos)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailer:
    """What the worker's mailer does (Plone's reads its server from a site)."""

    def __init__(self, port: int):
        self.port = port

    def send(self, mfrom, mto, message):
        with smtplib.SMTP("127.0.0.1", self.port, timeout=30) as server:
            server.sendmail(mfrom, mto, message)


def empty_the_queue(path: str, port: int, start: multiprocessing.Event) -> None:
    """One instance's worker: passes over the queue until nothing waits."""
    queue = MailQueue(path)
    mailer = Mailer(port)
    start.wait()
    while queue.messages(WAITING):
        process(queue, lambda site: mailer)


def test_workers_sharing_a_queue_send_each_mail_once(tmp_path):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        queue = MailQueue(tmp_path / "mail-queue")
        for number in range(MAILS):
            message = f"Subject: Mail {number}\r\n\r\nHello {number}\r\n".encode()
            queue.publish(queue.prepare("/Plone", "site@example.org", [f"m{number}@example.org"], "", message))
        context = multiprocessing.get_context("fork")
        start = context.Event()
        workers = [
            context.Process(target=empty_the_queue, args=(str(queue.path), controller.port, start))
            for _ in range(WORKERS)
        ]
        for worker in workers:
            worker.start()
        start.set()
        for worker in workers:
            worker.join(120)
        assert [worker.exitcode for worker in workers] == [0] * WORKERS
    finally:
        controller.stop()
    assert Counter(recorder.received) == Counter(f"m{number}@example.org" for number in range(MAILS))
    assert not queue.messages(WAITING) and not queue.messages(SENDING) and not queue.messages(FAILED)
