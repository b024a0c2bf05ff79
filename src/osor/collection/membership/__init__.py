"""The collection participation model.

- ``roles``: the membership roles and the Plone groups that carry them;
- ``members``: joining, leaving, requests, role changes (the public API);
- ``settings``: how a collection's settings and state become permissions;
- ``moderation``: what happens around workflow transitions;
- ``matrix``: the readable permission table (``permission_matrix.yaml``)
  that the About view renders and the tests check against the real code.
"""
