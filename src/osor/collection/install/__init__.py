"""What installing and uninstalling osor.collection does to an existing site.

The GenericSetup profiles (``profiles/default``, ``profiles/uninstall``)
declare what can be declared; the modules here do the rest, one concern
each, and ``setuphandlers.py`` calls them in order:

- ``roles``: our five roles in the PAS role manager (and out again);
- ``navigation``: the collection in the navigation and sitemap, its items not;
- ``discussion``: the site-wide comment switch, remembered and restored;
- ``our_content``: our types, reindexing their content in our indexes,
  and keeping it viewable as plain folders and pages after an uninstall;
- ``groups``: the per-collection groups, removed at uninstall.
"""
