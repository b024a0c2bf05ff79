"""Moderation of a collection: what waits for review, approve, send back.

In a moderated collection, members' content is *proposed* and waits for a
facilitator. ``queue`` lists it per collection and performs the two
decisions through the community workflow (whose guards check the
facilitator's permission; ``request_changes`` needs a motivation, see
``membership.moderation.MOTIVATION_REQUIRED``).
"""
