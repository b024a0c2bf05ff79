"""Subscriptions and digests: members hear by e-mail about what changed.

A member subscribes to a collection, a solution or a saved faceted search
(``storage``), immediately, daily or weekly. What subscribers may be told
about is recorded as it happens (``changes``: new published items, new
releases, published edits, new comments); a digest run (``digest``) reads
what happened since the last one, keeps only what each subscriber may see
(checked as that user: a draft or a private legal request never appears,
not even its title) and queues one mail per member through the after-commit
mail queue, in her language, with a signed unsubscribe link (``tokens``)
that works without logging in. ``browser/subscriptions.py`` and
``services/subscriptions/`` are thin adapters over these modules.
"""
