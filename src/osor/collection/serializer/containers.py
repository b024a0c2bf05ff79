"""The REST serialisation of our folderish types (collection, solution,
release, case study): plone.restapi's, with ``items`` read from the
container's own records.

plone.restapi's folder serializer finds ``items`` with a restricted catalog
search whose cost grows with the whole site (``discovery/children.py``).
The answer is the same: the children the visitor may find, in folder
order, batched as plone.restapi batches (``b_size``, 25 by default, and
``b_start``; ``batching`` links when there is more than one page),
``items_total`` counting them all; summaries, or full serialisations with
``fullobjects``. Only the batch shown becomes brains or objects.
"""

from osor.collection.discovery.children import visible_children
from plone.restapi.bbb import boolean_value
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from zope.component import getMultiAdapter


class SerializeOsorContainerToJson(SerializeToJson):
    def __call__(self, version=None, include_items=True, include_expansion=True):
        result = super().__call__(version=version, include_expansion=include_expansion)
        result["is_folderish"] = True
        if boolean_value(self.request.form.get("include_items", include_items)):
            listing = getMultiAdapter((visible_children(self.context), self.request), ISerializeToJson)
            found = listing(fullobjects="fullobjects" in self.request.form)
            result["items_total"] = found["items_total"]
            if "batching" in found:
                result["batching"] = found["batching"]
            result["items"] = found["items"]
        return result
