"""The collection participation model.

- ``community``: a collection and its translations are one community;
- ``roles``: the membership roles and the Plone groups that carry them;
- ``members``: joining, leaving, requests, role changes (the public API);
- ``info``: what a visitor may know of a collection's membership, and
  ``actions``: the membership actions of the current user, with their
  permission checks (one handler each), for Classic UI and REST alike;
- ``people``: how a person is named (full name, else user id);
- ``settings``: how a collection's settings and state become permissions;
- ``moderation``: a collection's lifecycle (groups, settings, archiving)
  and where an edit of published content is held for review;
- ``translations``: keeping a translation group one community, and
  ``language_independent``: pam's copying of shared fields, under our rules;
- ``archiving``: archiving and unarchiving a collection's content, all or nothing;
- ``relocation``: content moved into another collection takes its rules;
- ``comments``: comments in a collection are found only by who sees their item;
- ``matrix``: the readable permission table (``permission_matrix.yaml``)
  that the About view renders and the tests check against the real code.
"""
