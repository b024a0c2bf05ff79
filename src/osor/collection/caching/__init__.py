"""HTTP caching of our pages, feeds, exports and downloads (plone.app.caching).

Every view and service of ours is assigned one of six rulesets
(``configure.zcml``): the operation and settings of each ruleset are
registry data (``profiles/default/registry/caching.xml``), which an admin
changes in Site Setup → Caching like Plone's own rulesets.

- ``etags``: the ETag components only we know (the change key of an
  open-data export, the media type asked for, the version of a file);
- ``purge``: the URLs a caching proxy must forget when one of our items
  changes (plone.cachepurging sends them when a proxy is configured).

Caching stays off until an admin turns it on (plone.app.caching's default):
see docs/caching.md.
"""
