"""Moderation of a collection: what waits for review, approve, send back.

In a moderated collection, members' content is *proposed* and waits for a
facilitator. ``queue`` lists it per collection and performs the two
decisions through the community workflow (whose guards check the
facilitator's permission; ``request_changes`` needs a motivation, see
``review.motivation.MOTIVATION_REQUIRED``). ``pending_edits`` holds a
member's edit of published content until a facilitator approves it
(``pending_edit_subscribers``: children added under it, transitions, the
mails); ``reports``, ``outdated``, ``my_contributions`` and ``next_step``
complete the review list.
"""
