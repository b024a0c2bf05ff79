"""REST serializers of the relation fields of our types: targets the
viewer may not view are left out (``content/relations.py``)."""

from osor.collection.content.relations import visible_relations
from plone.restapi.serializer.relationfield import RelationChoiceFieldSerializer
from plone.restapi.serializer.relationfield import RelationListFieldSerializer


class VisibleRelationChoiceSerializer(RelationChoiceFieldSerializer):
    def get_value(self, default=None):
        value = super().get_value(default)
        if value is None or value is default:
            return value
        return value if visible_relations([value]) else None


class VisibleRelationListSerializer(RelationListFieldSerializer):
    def get_value(self, default=None):
        return visible_relations(super().get_value(default))
