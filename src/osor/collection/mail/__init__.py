"""Mail, in one package: writing a notification and getting it out.

``sending`` (to whom, in which language, from which address: ``send``),
``outbox`` (queued when the transaction commits, never before), ``queue``
(the maildir on disk), ``worker`` and ``delivery`` (the thread that sends,
retries and keeps what failed), ``config`` (where the queue lives). The
features keep their own message tables (``membership.notifications``,
``legal.notifications``, ``review.reports``, ``subscriptions.digest``).
"""
