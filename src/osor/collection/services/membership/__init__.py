"""The ``@membership`` endpoint of a collection.

``info`` builds what a visitor may know of a collection's membership,
``actions`` checks who acts and calls ``osor.collection.membership.members``;
the Classic UI views (``browser/membership.py``) use both as well, so that
the two interfaces cannot disagree on who may do what.
"""
