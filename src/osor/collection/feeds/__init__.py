"""Feeds of a collection: RSS, Atom and iCalendar.

A collection's readers follow it from a feed reader or a calendar: these
adapters plug the collection into Plone's syndication (``RSS``,
``rss.xml``, ``atom.xml``) and into plone.app.event's ``ics_view``. A feed
holds the collection's *published* community content only, whoever asks
for it, so that a facilitator's feed reader never leaks a draft when its
URL is shared. ``?portal_type=software_solution`` narrows a feed to one type.
"""
